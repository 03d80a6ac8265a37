package app.carrel.client.call;

import static app.carrel.client.call.CallFixture.BLUE;
import static app.carrel.client.call.CallFixture.RED;
import static app.carrel.client.call.CallFixture.awaitFrames;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.NoLeaksExtension;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.CameraPattern;
import app.carrel.client.media.FrameColor;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic camera's detail pattern costs the encoder what a real picture does, many times
 * the flat pattern, and still shows the sender's colour. Both cameras send in one call at the
 * fixture's 320x240@15, over the same stretch of frames, so the network's estimate is the same.
 */
@ExtendWith(NoLeaksExtension.class)
class CameraPatternTest {

    /** Frames counted at each end before (bandwidth estimate settling) and while measuring. */
    private static final int SETTLE = 30;
    private static final int MEASURE = 60;

    @TempDir
    Path dir;

    @Test
    void theDetailPatternSendsSeveralTimesTheFlatOnesBitsInTheSendersColour() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            AudioBackend headless = new AudioBackend(AudioBackend.Kind.HEADLESS, "test");
            CallEngine flat = call.engine("flat", RED, new EventRecorder());
            CallEngine detail = call.engine("detail", BLUE, new EventRecorder(), headless,
                    config -> config.syntheticPattern(CameraPattern.DETAIL));
            call.joinedTogether("Patterns", 2, flat, detail);
            String flatId = flat.selfId();
            String detailId = detail.selfId();
            awaitFrames(detail, flatId, SETTLE);
            awaitFrames(flat, detailId, SETTLE);

            long flatStart = bytesSent(flat);
            long detailStart = bytesSent(detail);
            long start = System.nanoTime();
            awaitFrames(detail, flatId, SETTLE + MEASURE);
            awaitFrames(flat, detailId, SETTLE + MEASURE);
            double seconds = (System.nanoTime() - start) / 1e9;
            double flatKbps = (bytesSent(flat) - flatStart) * 8 / seconds / 1000;
            double detailKbps = (bytesSent(detail) - detailStart) * 8 / seconds / 1000;
            int seen = flat.videoReception(detailId, VideoKind.CAMERA).avgRgb();
            System.out.printf("CameraPatternTest: 320x240@15 over %.1f s: flat %.0f kbps, detail %.0f kbps,"
                    + " detail seen as #%s%n", seconds, flatKbps, detailKbps, FrameColor.hex(seen));

            assertTrue(detailKbps > 3 * flatKbps, "detail " + detailKbps + " kbps vs flat " + flatKbps + " kbps");
            assertTrue(FrameColor.distance(seen, BLUE) < 80, "the detail camera's colour, saw #" + FrameColor.hex(seen));
        }
    }

    private static long bytesSent(CallEngine engine) throws Exception {
        return engine.stats().get(10, TimeUnit.SECONDS).stream().mapToLong(PeerStats::bytesSent).sum();
    }
}

package app.carrel.client.call;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.NoLeaksExtension;
import app.carrel.client.media.AudioBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * webrtc-java 0.14's HeadlessAudioDeviceModule "records" by pulling the mix it would play out, so
 * an unmuted headless participant used to send the room's audio straight back (a third party saw
 * levels up to 0.66 from a silent bot, in step with another's tone). A participant without a real
 * microphone must send silence, whatever its microphone switch says.
 */
@ExtendWith(NoLeaksExtension.class)
class HeadlessEchoTest {

    private static final Duration LIMIT = CallFixture.LIMIT;
    private static final double SPEAKING = 0.05;
    /** Level reports of the tone at c to watch b through: ~5 s of bursts and pauses. */
    private static final int TONE_REPORTS = 12;

    @TempDir
    Path dir;

    @Test
    void aHeadlessParticipantNeverSendsTheRoomsAudioBack() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            EventRecorder atB = new EventRecorder();
            EventRecorder atC = new EventRecorder();
            CallEngine a = call.engine("a", 0xE02020, new EventRecorder(), AudioBackend.synthetic("test tone"));
            CallEngine b = call.engine("b", 0x20E020, atB);
            CallEngine c = call.engine("c", 0x2040E0, atC);
            call.joinedTogether("Echo", 3, a, b, c);
            String aId = a.selfId();
            String bId = b.selfId();
            assertTrue(b.localMedia().audio(), "b's microphone switch is on: it is the echo that must not pass");

            atB.next("a's tone at b", LIMIT, e -> isLevel(e, aId) && (double) e.value() > SPEAKING);

            // Watched at c from its first report on: not even the first 10 ms may pass. A send
            // stream fades its first muted frame in rather than zeroing it, so a merely disabled
            // track let up to 0.056 of echo through whenever a connection came up.
            Map<String, Double> loudest = atC.loudestLevels(aId, TONE_REPORTS, LIMIT);
            double loudestA = loudest.getOrDefault(aId, 0.0);
            double loudestB = loudest.getOrDefault(bId, 0.0);
            System.out.printf("HeadlessEchoTest: at c, a's tone peaked at %.3f and headless b at %.4f%n", loudestA, loudestB);
            assertTrue(loudestA > SPEAKING, "a's tone should be heard at c, peaked at " + loudestA);
            assertTrue(loudestB < AudioLevels.SILENT, "headless b sent audio to c (echo), peaked at " + loudestB);
            assertFalse(b.audioBackend().capturesSound(), "the headless module has no microphone");
        }
    }

    private static boolean isLevel(EventRecorder.Event e, String peerId) {
        return e.kind().equals("audio-level") && e.peerId().equals(peerId);
    }
}

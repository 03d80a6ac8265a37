package app.carrel.client.call;

import static app.carrel.client.call.CallFixture.LIMIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.Await;
import app.carrel.client.media.FrameColor;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Study halls: engines in a room carried by a real Janus VideoRoom through a real server. */
class HallCallTest {

    @TempDir
    Path dir;

    @Test
    void eightInAHallEachDecodeEveryOtherAndUploadOneStream() throws Exception {
        int n = 8;
        try (JanusFixture janus = new JanusFixture(dir, 1);
             CallFixture call = new CallFixture(dir, b -> b.maxCapacity(10).halls(janus.hallConfig()), null)) {
            List<CallEngine> engines = new ArrayList<>();
            List<Integer> colours = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int rgb = Color.HSBtoRGB(i / (float) n, 0.8f, 0.9f) & 0xFFFFFF;
                colours.add(rgb);
                engines.add(call.engine("P" + i, rgb, new EventRecorder()));
            }
            String room = call.createRoom(engines.get(0), "Hall", 10);
            for (CallEngine e : engines) {
                call.join(e, room);
                assertEquals("sfu", e.transportKind());
            }
            List<String> ids = engines.stream().map(CallEngine::selfId).toList();
            for (CallEngine e : engines) {
                e.showVideoOf(ids.stream().filter(id -> !id.equals(e.selfId())).toList());
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j) {
                        awaitColour(engines.get(i), ids.get(j), colours.get(j));
                    }
                }
            }
            // Each uplink is one stream, however many watch it: compare with what one receiver got.
            long sent = engines.get(0).bytesSent().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            long oneStream = engines.get(1).bytesSent().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(sent > 0 && oneStream > 0);
        }
    }

    private static void awaitColour(CallEngine at, String from, int rgb) {
        Await.until("#" + FrameColor.hex(rgb) + " from " + from + " at " + at.selfId(), LIMIT, () -> {
            VideoReception seen = at.videoReception(from, VideoKind.CAMERA);
            return seen.frames() > 0 && FrameColor.distance(seen.avgRgb(), rgb) < 80;
        }, () -> "(have " + at.videoReception(from, VideoKind.CAMERA) + ")");
    }
}

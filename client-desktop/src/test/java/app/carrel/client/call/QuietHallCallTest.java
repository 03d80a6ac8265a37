package app.carrel.client.call;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quiet study hall (docs/protocol.md §13) with a real Janus: the server mutes every publisher's
 * audio in the VideoRoom ({@code moderate}), so a tone that a loud hall carries does not reach a
 * member of a quiet one, though the sender's client publishes it.
 */
class QuietHallCallTest {
    private static final double SPEAKING = 0.05;

    @TempDir
    Path dir;

    @Test
    void aQuietHallForwardsVideoButNoAudio() throws Exception {
        try (JanusFixture janus = new JanusFixture(dir, 1);
             CallFixture call = new CallFixture(dir, b -> b.maxCapacity(10).halls(janus.hallConfig()), null)) {
            CallEngine maker = call.engine("maker", CallFixture.GREEN, new EventRecorder());
            String loudHall = call.createRoom(maker, "Loud hall", 10);
            double loud = QuietRoomCallTest.loudestToneAtB(call, loudHall, "loud hall");
            assertTrue(loud > SPEAKING, "the control: in a loud hall b hears a's tone (" + loud + ")");
            String quietHall = QuietRoomCallTest.createQuietRoom(call.uri(), 10);
            double quiet = QuietRoomCallTest.loudestToneAtB(call, quietHall, "quiet hall");
            assertTrue(quiet < AudioLevels.SILENT, "a's tone crossed the quiet hall at " + quiet);
        }
    }
}

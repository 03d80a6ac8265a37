package app.carrel.server.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.rooms.Connection;
import app.carrel.server.testing.RecordingOutlet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeepAliveTest {
    @Test
    void dropsOnlyConnectionsSilentForLongerThanDeadAfter() {
        long second = 1_000_000_000L;
        RecordingOutlet quiet = new RecordingOutlet();
        RecordingOutlet chatty = new RecordingOutlet();
        Inlet quietConnection = new Inlet(new Connection(quiet), new RateLimiter(1, 1, 0), 0);
        Inlet chattyConnection = new Inlet(new Connection(chatty), new RateLimiter(1, 1, 0), 0);
        KeepAlive keepAlive = new KeepAlive(() -> List.of(quietConnection, chattyConnection),
                Duration.ofSeconds(15), Duration.ofSeconds(30));
        chattyConnection.heard(29 * second);
        keepAlive.dropDead(30 * second);
        assertFalse(quiet.aborted, "exactly the window is not yet dead");
        keepAlive.dropDead(31 * second);
        assertTrue(quiet.aborted);
        assertFalse(chatty.aborted);
        keepAlive.pingAll();
        assertEquals(1, chatty.pings);
    }
}

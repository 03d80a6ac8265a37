package app.carrel.server.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.Outlet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeepAliveTest {
    static final class CountingOutlet implements Outlet {
        int pings;
        boolean aborted;
        final java.util.List<Integer> closeCodes = new java.util.ArrayList<>();

        @Override
        public boolean send(String text) {
            return true;
        }

        @Override
        public void close(int code, String reason) {
            closeCodes.add(code);
        }

        @Override
        public void ping() {
            pings++;
        }

        @Override
        public void abort(String reason) {
            aborted = true;
        }
    }

    @Test
    void dropsOnlyConnectionsSilentForLongerThanDeadAfter() {
        long second = 1_000_000_000L;
        CountingOutlet quiet = new CountingOutlet();
        CountingOutlet chatty = new CountingOutlet();
        Connection quietConnection = new Connection(quiet, new RateLimiter(1, 1, 0), 0);
        Connection chattyConnection = new Connection(chatty, new RateLimiter(1, 1, 0), 0);
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

package app.carrel.server.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.carrel.protocol.CloseCodes;
import app.carrel.protocol.Codec;
import app.carrel.server.admin.ServerMetrics;
import app.carrel.server.rooms.RoomsExecutor;
import app.carrel.server.testing.RecordingOutlet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class GatewayTest {

    /** A rooms thread that refuses work, as a broken server would. */
    static final class BrokenRooms implements RoomsExecutor {
        @Override
        public void execute(Runnable task) {
            throw new IllegalStateException("rooms thread is broken (test)");
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            return () -> { };
        }

        @Override
        public <T> void offload(Callable<T> work, BiConsumer<T, Throwable> then) {
        }

        @Override
        public long now() {
            return 0;
        }
    }

    @Test
    void aFailureOnTheConnectionsOwnPathClosesItWith1011() {
        // The dispatcher is never reached: the failure happens handing the message over.
        Gateway gateway = new Gateway(new Codec(), null, new BrokenRooms(), new ServerMetrics(), 100, 300,
                "{\"type\":\"welcome\",\"protocol\":1,\"server\":\"test\"}");
        RecordingOutlet outlet = new RecordingOutlet();
        Inlet connection = gateway.opened(outlet);
        gateway.text(connection, "{\"type\":\"list-rooms\",\"id\":\"1\"}");
        assertEquals(List.of(CloseCodes.SERVER_ERROR), outlet.closeCodes);
    }
}

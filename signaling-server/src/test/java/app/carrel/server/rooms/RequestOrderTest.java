package app.carrel.server.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.protocol.Codec;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.admin.ServerMetrics;
import app.carrel.server.testing.ManualRoomsExecutor;
import app.carrel.server.testing.RecordingOutlet;
import org.junit.jupiter.api.Test;

class RequestOrderTest {
    private final ManualRoomsExecutor executor = new ManualRoomsExecutor();
    private final Outbox outbox = new Outbox(new Codec(), new ServerMetrics());
    private final RequestOrder order = new RequestOrder(executor, outbox);
    private final RecordingOutlet outlet = new RecordingOutlet();
    private final Connection c = new Connection(outlet);

    @Test
    void aRequestThatThrowsIsAnsweredWithServerErrorAndItsId() {
        order.run(c, "r", () -> {
            throw new IllegalStateException("a handler bug (test)");
        });
        ServerMessage.Error error = outlet.next(ServerMessage.Error.class);
        assertEquals(ErrorCode.SERVER_ERROR, error.code());
        assertEquals("r", error.id());
    }

    @Test
    void aDeferredStepThatThrowsIsAnsweredWithServerErrorAndTheBacklogRunsAfterIt() {
        order.run(c, "slow", () -> order.await(c, "slow", () -> "done", (result, failure) -> {
            throw new IllegalStateException("a bug in the step after slow work (test)");
        }));
        order.run(c, "next", () -> outbox.send(c, new ServerMessage.Left("next")));
        assertTrue(outlet.sent.isEmpty(), "the request behind the slow one waits for it");
        executor.runAll();
        ServerMessage.Error error = outlet.next(ServerMessage.Error.class);
        assertEquals(ErrorCode.SERVER_ERROR, error.code());
        assertEquals("slow", error.id(), "the failure answers the request that deferred the step");
        assertEquals("next", outlet.next(ServerMessage.Left.class).id());
        assertTrue(outlet.sent.isEmpty());
    }

    @Test
    void aFailureOfTheSlowWorkItselfIsTheCallbacksToAnswer() {
        executor.failSlowWork();
        order.run(c, "slow", () -> order.await(c, "slow", () -> "never", (result, failure) ->
                outbox.error(c, "slow", ErrorCode.WRONG_PASSWORD, "answered by the callback: " + failure.getMessage())));
        executor.runAll();
        assertEquals(ErrorCode.WRONG_PASSWORD, outlet.next(ServerMessage.Error.class).code());
        assertTrue(outlet.sent.isEmpty(), "one answer, not two");
    }
}

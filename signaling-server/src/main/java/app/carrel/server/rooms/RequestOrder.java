package app.carrel.server.rooms;

import app.carrel.protocol.ErrorCode;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each connection's answers in the order of its requests even when one of them waits on
 * slow work: while a request waits, the ones behind it queue on the connection. Rooms thread only.
 *
 * <p>Every step of a request runs here, the synchronous part and the callback after slow work
 * alike, so a step that throws (a server bug) is answered in one place: {@code server-error} with
 * the request's id, instead of an answer that never comes. A callback used to run outside that
 * path and left the client waiting (issue 10).
 */
public final class RequestOrder {
    private static final Logger LOG = LoggerFactory.getLogger(RequestOrder.class);

    private final RoomsExecutor executor;
    private final Outbox outbox;

    public RequestOrder(RoomsExecutor executor, Outbox outbox) {
        this.executor = executor;
        this.outbox = outbox;
    }

    /** Runs the request now, or after the slow request ahead of it. */
    public void run(Connection c, String requestId, Runnable request) {
        if (c.closed()) {
            return;
        }
        Runnable guarded = () -> answerFailure(c, requestId, request);
        if (c.busy()) {
            c.backlog().add(guarded);
        } else {
            guarded.run();
        }
    }

    /**
     * Runs {@code work} off the rooms thread; {@code then} gets its result back on the rooms thread
     * unless the connection closed meanwhile, and the requests queued behind it run after. A
     * failure of {@code work} is {@code then}'s to answer; a failure of {@code then} is answered
     * here with {@code server-error}.
     */
    public <T> void await(Connection c, String requestId, Callable<T> work, BiConsumer<T, Throwable> then) {
        c.busy(true);
        executor.offload(work, (result, failure) -> {
            try {
                if (!c.closed()) {
                    answerFailure(c, requestId, () -> then.accept(result, failure));
                }
            } finally {
                c.busy(false);
                while (!c.busy() && !c.closed() && !c.backlog().isEmpty()) {
                    c.backlog().poll().run();
                }
            }
        });
    }

    /** The request did not take effect, and the sender is told so rather than left waiting. */
    private void answerFailure(Connection c, String requestId, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.error("A request (id {}) failed; answering server-error", requestId, e);
            outbox.error(c, requestId, ErrorCode.SERVER_ERROR, "The server failed to handle this request");
        }
    }
}

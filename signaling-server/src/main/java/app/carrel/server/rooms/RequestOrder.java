package app.carrel.server.rooms;

import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * Keeps each connection's answers in the order of its requests even when one of them waits on
 * slow work: while a request waits, the ones behind it queue on the connection. Rooms thread only.
 */
public final class RequestOrder {
    private final RoomsExecutor executor;

    public RequestOrder(RoomsExecutor executor) {
        this.executor = executor;
    }

    /** Runs the request now, or after the slow request ahead of it. */
    public void run(Connection c, Runnable request) {
        if (c.closed()) {
            return;
        }
        if (c.busy()) {
            c.backlog().add(request);
        } else {
            request.run();
        }
    }

    /**
     * Runs {@code work} off the rooms thread; {@code then} gets its result back on the rooms thread
     * unless the connection closed meanwhile, and the requests queued behind it run after.
     */
    public <T> void await(Connection c, Callable<T> work, BiConsumer<T, Throwable> then) {
        c.busy(true);
        executor.offload(work, (result, failure) -> {
            try {
                if (!c.closed()) {
                    then.accept(result, failure);
                }
            } finally {
                c.busy(false);
                while (!c.busy() && !c.closed() && !c.backlog().isEmpty()) {
                    c.backlog().poll().run();
                }
            }
        });
    }
}

package app.carrel.server.rooms;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * The one thread at a time that owns room state ("the rooms thread"), and the ways to get work
 * onto it. Production uses {@link RoomsTurn}; unit tests use a manual version that runs tasks inline and moves a fake
 * clock.
 */
public interface RoomsExecutor {

    /** Runs the task on the rooms thread, after everything queued before it. Any thread. */
    void execute(Runnable task);

    /** Runs the task on the rooms thread after the delay; cancelling is best effort. */
    Cancellable schedule(Duration delay, Runnable task);

    /**
     * Runs slow work (password hashing) off the rooms thread, then hands its result or failure
     * to {@code then} on the rooms thread.
     */
    <T> void offload(Callable<T> work, BiConsumer<T, Throwable> then);

    /**
     * Runs {@code work} now, on the calling thread; what it {@link #execute}s may be held back
     * until it returns and then run together. The socket calls it around each read.
     */
    default void batch(Runnable work) {
        work.run();
    }

    /** Wall-clock epoch milliseconds, as chat {@code at} and timer {@code endsAt} use. */
    long now();

    interface Cancellable {
        void cancel();
    }
}

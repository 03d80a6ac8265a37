package app.carrel.server.rooms;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link RoomsExecutor}: a single thread for room state (a plain FIFO queue, so a
 * relay costs one queue hand-off), a clock thread that only posts due tasks onto it, and a small
 * pool for password hashing.
 */
public final class RoomsThread implements RoomsExecutor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RoomsThread.class);

    private final ExecutorService rooms = Executors.newSingleThreadExecutor(named("carrel-rooms"));
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(named("carrel-clock"));
    private final ExecutorService slow = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), named("carrel-hashing"));

    @Override
    public void execute(Runnable task) {
        try {
            rooms.execute(() -> runLogged(task));
        } catch (RejectedExecutionException e) {
            LOG.debug("Rooms thread stopped; a late task was dropped");
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        try {
            ScheduledFuture<?> f = clock.schedule(() -> execute(task), delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            LOG.debug("Clock stopped; a timed task was dropped");
            return () -> { };
        }
    }

    @Override
    public <T> void offload(Callable<T> work, BiConsumer<T, Throwable> then) {
        try {
            slow.execute(() -> {
                T result = null;
                Throwable failure = null;
                try {
                    result = work.call();
                } catch (Exception | Error e) {
                    failure = e;
                }
                T r = result;
                Throwable f = failure;
                execute(() -> then.accept(r, f));
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Hashing pool stopped; a request is dropped at shutdown");
        }
    }

    @Override
    public long now() {
        return System.currentTimeMillis();
    }

    /** Stops the clock, finishes hashing in flight, then every queued room task. */
    @Override
    public void close() {
        clock.shutdownNow();
        drain(slow, "hashing");
        drain(rooms, "rooms");
    }

    private static void drain(ExecutorService executor, String name) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.error("The {} thread did not finish its work within 10 s", name);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** A failing task must not kill the rooms thread, and must not pass unnoticed. */
    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("Room task failed", e);
        }
    }

    private static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}

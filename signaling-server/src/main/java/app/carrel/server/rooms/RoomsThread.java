package app.carrel.server.rooms;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link RoomsExecutor}: a single thread for room state (a plain FIFO queue, so a
 * relay costs one queue hand-off), a clock thread that only posts due tasks onto it, and a small
 * pool for password hashing. After a burst of tasks (the queue ran dry, or {@link #MAX_BURST}
 * tasks in a row) the rooms thread runs the {@link #afterBurst} hook, which writes out the
 * output it collected (see {@code OutputBatch}).
 */
public final class RoomsThread implements RoomsExecutor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RoomsThread.class);
    /** Bounds how long collected output waits under sustained load (~64 relays, well under 1 ms). */
    static final int MAX_BURST = 64;

    private final Clock wallClock;
    private volatile Thread roomsThread;
    private volatile Runnable afterBurst = () -> { };
    private final ExecutorService rooms = new BurstExecutor(r -> {
        Thread t = named("carrel-rooms").newThread(r);
        roomsThread = t;
        return t;
    });
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(named("carrel-clock"));
    private final ExecutorService slow = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), named("carrel-hashing"));

    public RoomsThread() {
        this(Clock.systemUTC());
    }

    /** {@code wallClock} answers {@link #now}; delays still run in real time. */
    public RoomsThread(Clock wallClock) {
        this.wallClock = wallClock;
    }

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

    /** Runs on the rooms thread after each burst of tasks; set once at start-up. */
    public void afterBurst(Runnable hook) {
        this.afterBurst = hook;
    }

    /** True on the rooms thread itself. */
    public boolean isCurrent() {
        return Thread.currentThread() == roomsThread;
    }

    @Override
    public long now() {
        return wallClock.millis();
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

    /** The single rooms thread, with a hook after every burst of work. */
    private final class BurstExecutor extends ThreadPoolExecutor {
        /** Tasks since the hook last ran; rooms thread only. */
        private int sinceHook;

        BurstExecutor(ThreadFactory factory) {
            super(1, 1, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), factory);
        }

        @Override
        protected void afterExecute(Runnable task, Throwable failure) {
            if (++sinceHook >= MAX_BURST || getQueue().isEmpty()) {
                sinceHook = 0;
                runLogged(afterBurst);
            }
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

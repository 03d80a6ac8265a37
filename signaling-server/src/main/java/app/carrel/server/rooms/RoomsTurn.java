package app.carrel.server.rooms;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link RoomsExecutor}: room state is owned by whichever thread holds the rooms'
 * <em>turn</em> (that thread is "the rooms thread" while it holds it). A task is queued (one FIFO
 * queue), and the thread that queued it takes the turn at once when nobody holds it and runs the
 * queue there, so a message read by the socket's selector thread is relayed by that same thread,
 * with no hand-off, as on a plain event loop. Measured (docs/benchmarks.md, "Cold and plain
 * loads", session 8): without the hops onto a worker and a dedicated rooms thread a fresh
 * server's negotiate burst took 10-15% less CPU, and with one message in flight it relays at par
 * with a plain Node relay; the price is the warm peak, one core instead of 1.4.
 * <p>
 * Bounds: a caller runs at most {@link #MAX_BURST} tasks per turn and leaves the rest to the
 * {@code carrel-rooms} thread, so a reading thread is not kept from its sockets when many tasks
 * wait. A caller that finds the turn taken only queues: the holder looks at the queue again after
 * letting go of the turn and takes it back for what came in meanwhile, so no task is stranded.
 * Nobody ever waits for the turn, so holding a lock while queueing cannot deadlock with it.
 * <p>
 * After each burst the holder runs the {@link #afterBurst} hook, which writes out the output it
 * collected (see {@code OutputBatch}). Around it: a clock thread that only queues due tasks and a
 * small pool for password hashing.
 */
public final class RoomsTurn implements RoomsExecutor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RoomsTurn.class);
    /** Bounds how long collected output waits, and how long a caller is kept (~64 relays, well under 1 ms). */
    static final int MAX_BURST = 64;

    private final Clock wallClock;
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    /** The thread holding the turn, or null. */
    private final AtomicReference<Thread> holder = new AtomicReference<>();
    /** A thread inside {@link #batch}: its tasks wait for the end of the batch. Only ever the selector. */
    private volatile Thread batching;
    private volatile Runnable afterBurst = () -> { };
    private volatile boolean closed;
    /** Wakes the carrel-rooms thread for work a caller left behind. */
    private final Semaphore leftBehind = new Semaphore(0);
    private final Thread backstop = new Thread(this::runLeftBehind, "carrel-rooms");
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(named("carrel-clock"));
    private final ExecutorService slow = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), named("carrel-hashing"));

    public RoomsTurn() {
        this(Clock.systemUTC());
    }

    /** {@code wallClock} answers {@link #now}; delays still run in real time. */
    public RoomsTurn(Clock wallClock) {
        this.wallClock = wallClock;
        backstop.setDaemon(true);
        backstop.start();
    }

    @Override
    public void execute(Runnable task) {
        if (closed) {
            LOG.debug("Rooms stopped; a late task was dropped");
            return;
        }
        queue.add(task);
        Thread me = Thread.currentThread();
        if (holder.get() != me && batching != me) {
            runQueued(me);
        }
    }

    /**
     * Runs {@code work} (decoding what one read brought) with the tasks it queues held back, then
     * runs them together: one burst, so several messages in one read share one write per
     * connection. Not nested, and only ever from one thread at a time (the socket's selector).
     */
    @Override
    public void batch(Runnable work) {
        Thread me = Thread.currentThread();
        batching = me;
        try {
            work.run();
        } finally {
            batching = null;
            runQueued(me);
        }
    }

    /**
     * Takes the turn if it is free and runs one burst; takes it again while tasks are waiting, so
     * a task queued by a caller who found the turn taken is not left behind. After a full burst
     * the rest is the carrel-rooms thread's.
     */
    private void runQueued(Thread me) {
        while (!queue.isEmpty() && holder.compareAndSet(null, me)) {
            boolean full;
            try {
                full = runBurst();
            } finally {
                holder.set(null);
            }
            if (full && me != backstop) {
                leftBehind.release();
                return;
            }
        }
    }

    /** Holder only: runs up to MAX_BURST tasks, then the hook; true when it stopped at the bound. */
    private boolean runBurst() {
        int ran = 0;
        Runnable task;
        while (ran < MAX_BURST && (task = queue.poll()) != null) {
            runLogged(task);
            ran++;
        }
        runLogged(afterBurst);
        return ran == MAX_BURST;
    }

    /** The carrel-rooms thread: runs what callers left behind; at close, everything still queued. */
    private void runLeftBehind() {
        try {
            while (!closed) {
                leftBehind.acquire();
                leftBehind.drainPermits();
                runQueued(backstop);
            }
            while (!queue.isEmpty() || holder.get() != null) {
                runQueued(backstop);
                if (!queue.isEmpty() || holder.get() != null) {
                    // Another thread holds the turn: it runs what is queued before it lets go.
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    /** Runs after each burst of tasks, by the thread that ran them; set once at start-up. */
    public void afterBurst(Runnable hook) {
        this.afterBurst = hook;
    }

    /** True on the thread that holds the turn: the rooms thread, for now. */
    public boolean isCurrent() {
        return holder.get() == Thread.currentThread();
    }

    @Override
    public long now() {
        return wallClock.millis();
    }

    /** Stops the clock, finishes hashing in flight, then every queued room task; later tasks are dropped. */
    @Override
    public void close() {
        clock.shutdownNow();
        slow.shutdown();
        try {
            if (!slow.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.error("The hashing pool did not finish its work within 10 s");
                slow.shutdownNow();
            }
            closed = true;
            leftBehind.release();
            backstop.join(TimeUnit.SECONDS.toMillis(10));
            if (backstop.isAlive()) {
                LOG.error("The rooms did not finish their queued work within 10 s");
                backstop.interrupt();
            }
        } catch (InterruptedException e) {
            slow.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** A failing task must not kill the thread that runs it, and must not pass unnoticed. */
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

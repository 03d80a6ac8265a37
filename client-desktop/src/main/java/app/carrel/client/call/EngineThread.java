package app.carrel.client.call;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one thread that owns an engine's state; everything else hands work to it. */
final class EngineThread implements Executor {

    private static final Logger log = LoggerFactory.getLogger(EngineThread.class);
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final long CALL_LIMIT_SECONDS = 15;

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "carrel-engine-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private volatile Thread owner;

    EngineThread() {
        executor.setRemoveOnCancelPolicy(true);
        executor.execute(() -> owner = Thread.currentThread());
    }

    @Override
    public void execute(Runnable command) {
        executor.execute(() -> {
            try {
                command.run();
            } catch (RuntimeException e) {
                log.error("Engine task failed", e);
            }
        });
    }

    <T> CompletableFuture<T> submit(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Exception e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(new IllegalStateException("The engine is closed", e));
        }
        return result;
    }

    /**
     * Runs an asynchronous step on the engine thread: the future it returns, flattened (what
     * {@code submit(task).thenCompose(f -> f)} spelled out at every call site).
     */
    <T> CompletableFuture<T> compose(Callable<CompletableFuture<T>> task) {
        return submit(task).thenCompose(f -> f);
    }

    /** Runs on the engine thread and waits for the answer (directly when already on it). */
    <T> T call(Callable<T> task) {
        if (Thread.currentThread() == owner) {
            try {
                return task.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return submit(task).get(CALL_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The engine thread did not answer within " + CALL_LIMIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return executor.schedule(() -> execute(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    void every(Duration period, Runnable task) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("Periodic engine task failed", e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    void shutdown() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("Engine thread did not end within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

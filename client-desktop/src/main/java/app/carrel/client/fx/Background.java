package app.carrel.client.fx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where the UI sends work that may block: native setup, device listing, engine disposal. The FX
 * thread never runs these itself. Daemon threads, so a window closed mid-task cannot hold the
 * JVM open.
 */
public final class Background {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "carrel-ui-worker-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private Background() {
    }

    public static <T> CompletableFuture<T> supply(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, POOL);
    }

    public static CompletableFuture<Void> run(Runnable work) {
        return CompletableFuture.runAsync(work, POOL);
    }
}

package app.carrel.bench.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The generator's WebSocket clients: a few JDK HttpClients (one selector thread each) sharing a
 * small executor, sockets spread over them round-robin. Every socket opened here is closed by
 * {@link #close()}.
 */
public final class Clients implements AutoCloseable {
    private final ExecutorService executor;
    private final List<HttpClient> http = new ArrayList<>();
    private final List<BenchSocket> open = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final URI uri;

    /** {@code threads == 0}: callbacks run on the selector threads themselves (no hand-off). */
    public Clients(URI uri, int selectors, int threads) {
        this.uri = uri;
        AtomicInteger n = new AtomicInteger();
        this.executor = threads == 0 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-ws-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Executor callbacks = executor == null ? Runnable::run : executor;
        for (int i = 0; i < selectors; i++) {
            http.add(HttpClient.newBuilder().executor(callbacks).connectTimeout(Duration.ofSeconds(20)).build());
        }
    }

    public CompletableFuture<BenchSocket> connect() {
        HttpClient client = http.get(Math.floorMod(next.getAndIncrement(), http.size()));
        return BenchSocket.connect(client, uri).thenApply(s -> {
            synchronized (open) {
                open.add(s);
            }
            return s;
        });
    }

    /**
     * Opens {@code count} sockets, at most {@code parallel} handshakes at once, and runs
     * {@code afterOpen} on each (its future must end when that client is ready); returns them in
     * order of index.
     */
    public <T> List<T> openMany(int count, int parallel, Duration limit,
                                java.util.function.BiFunction<Integer, BenchSocket, CompletableFuture<T>> afterOpen)
            throws InterruptedException, TimeoutException {
        Semaphore permits = new Semaphore(parallel);
        List<CompletableFuture<T>> all = new ArrayList<>(count);
        long deadline = System.nanoTime() + limit.toNanos();
        for (int i = 0; i < count; i++) {
            if (!permits.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException("opening " + count + " clients took longer than " + limit);
            }
            int index = i;
            CompletableFuture<T> f = connect().thenCompose(s -> afterOpen.apply(index, s))
                    .whenComplete((x, e) -> permits.release());
            all.add(f);
        }
        List<T> result = new ArrayList<>(count);
        for (CompletableFuture<T> f : all) {
            try {
                result.add(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a client failed to open: " + e.getCause(), e.getCause());
            }
        }
        return result;
    }

    /** Completes when the socket's welcome arrived, as a set-up step for {@link #openMany}. */
    public static CompletableFuture<BenchSocket> welcomed(BenchSocket s) {
        return s.expect(m -> Wire.isType(m, "welcome")).thenApply(m -> s);
    }

    public int openCount() {
        synchronized (open) {
            return open.size();
        }
    }

    /** Closes the given sockets (close handshake, bounded), forgetting them. */
    public void closeAll(List<BenchSocket> sockets, Duration limit) {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (BenchSocket s : sockets) {
            closing.add(s.closeAsync());
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            System.err.println("some sockets did not close within " + limit + "; aborting them");
        }
        for (BenchSocket s : sockets) {
            s.abort();
        }
        synchronized (open) {
            open.removeAll(sockets);
        }
    }

    @Override
    public void close() {
        List<BenchSocket> all;
        synchronized (open) {
            all = new ArrayList<>(open);
        }
        closeAll(all, Duration.ofSeconds(10));
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}

package app.carrel.bench.server;

import app.carrel.bench.ProcessSample;
import app.carrel.bench.ServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A join storm: clients connect and join two to a room, at most {@code --parallel} in progress at
 * once; each client's time is from starting the TCP/WebSocket connect to receiving {@code joined}.
 * Storms into other rooms first warm the server up for {@code --warmup-seconds} (they are reported
 * apart); a server that has run for a while is the case that matters, not one whose JIT is still
 * compiling.
 */
@Command(name = "join-storm", mixinStandardHelpOptions = true,
        description = "Clients connecting and joining rooms; connect+join latency.")
public final class JoinStormBench implements Callable<Integer> {
    @Mixin
    ServerOptions options;

    @Mixin
    WarmUp warmUp;

    @Option(names = "--clients", defaultValue = "1000")
    int clients;

    @Option(names = "--parallel", defaultValue = "100", description = "Clients connecting at once, at most")
    int parallel;

    @Override
    public Integer call() throws Exception {
        try (ServerProcess server = options.startServer(); Clients pool = options.clients(server)) {
            int failures = 0;
            // The same rooms every storm: a school's rooms stay, people come and go.
            List<String> rooms = Setup.createRooms(pool, "storm", (clients + 1) / 2, 2, Duration.ofSeconds(60));
            warmUp.start();
            for (int w = 0; warmUp.more(w); w++) {
                failures += storm(pool, server, rooms, "warm-up" + (w + 1));
            }
            failures += storm(pool, server, rooms, "measured");
            return failures == 0 ? 0 : 1;
        }
    }

    /** One storm into {@code rooms} (empty before and after), printed; returns how many clients failed to join. */
    private int storm(Clients pool, ServerProcess server, List<String> rooms, String phase) throws Exception {
        Latency latency = new Latency();
        List<BenchSocket> joined = new ArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        ProcessSample s0 = server.sample();
        ProcessSample g0 = ProcessSample.self();
        long start = System.nanoTime();
        connectAndJoin(pool, rooms, latency, joined, failed);
        double seconds = (System.nanoTime() - start) / 1e9;
        ProcessSample s1 = server.sample();
        ProcessSample g1 = ProcessSample.self();
        System.out.printf("%s %s clients=%d parallel=%d: %s; %.2f s (%.0f joins/s), failed %d%n  %s%n",
                phase.equals("measured") ? "RESULT join-storm" : "warm-up join-storm", phase, clients, parallel,
                latency.summary(), seconds, clients / seconds, failed.get(), ServerOptions.cpu(s0, s1, g0, g1));
        Setup.leaveAndClose(pool, joined, Duration.ofSeconds(20));
        return failed.get();
    }

    private void connectAndJoin(Clients pool, List<String> rooms, Latency latency, List<BenchSocket> joined, AtomicInteger failed)
            throws InterruptedException, TimeoutException {
        Semaphore permits = new Semaphore(parallel);
        List<CompletableFuture<?>> all = new ArrayList<>(clients);
        for (int i = 0; i < clients; i++) {
            if (!permits.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new TimeoutException("a join storm slot stayed busy for 60 s");
            }
            String room = rooms.get(i / 2);
            String name = "s" + i;
            long t0 = System.nanoTime();
            all.add(pool.connect().thenCompose(s -> {
                synchronized (joined) {
                    joined.add(s);
                }
                return Setup.join(s, room, name);
            }).whenComplete((j, e) -> {
                permits.release();
                if (e != null) {
                    if (failed.incrementAndGet() <= 5) {
                        System.err.println("join failed: " + e);
                    }
                } else {
                    latency.recordNanos(System.nanoTime() - t0);
                }
            }));
        }
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            // Counted per client above.
        }
    }
}

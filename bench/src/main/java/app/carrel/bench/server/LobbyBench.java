package app.carrel.bench.server;

import app.carrel.bench.ProcessSample;
import app.carrel.bench.ServerProcess;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What one room change costs the lobby: {@code --rooms} rooms, {@code --subscribers} lobby
 * subscribers, one client joining and leaving rooms one change at a time. Each change is timed from
 * sending the join (or leave) to the last subscriber receiving its push; the bytes all subscribers
 * received for it and the server's CPU per change (from /proc, over the phase) are printed. Run
 * once with v1 subscribers (the whole list each time) and once with subscribers that asked for
 * deltas, each on a fresh server: the first changes cold (no warm-up but the set-up itself), then
 * after {@code --warmup-changes}. Changes are paced {@code --gap-ms} after the last push arrived, so
 * the server's 50 ms coalescing never merges two and never holds one back.
 */
@Command(name = "lobby", mixinStandardHelpOptions = true,
        description = "Lobby pushes with many rooms and subscribers: v1 whole lists against deltas.")
public final class LobbyBench implements java.util.concurrent.Callable<Integer> {
    private static final Duration SET_UP = Duration.ofSeconds(180);
    private static final Duration ONE_CHANGE = Duration.ofSeconds(60);

    @Mixin
    ServerOptions options;

    @Option(names = "--rooms", defaultValue = "5000")
    int rooms;

    @Option(names = "--subscribers", defaultValue = "500")
    int subscribers;

    @Option(names = "--mode", defaultValue = "both", description = "v1, deltas or both (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--cold-changes", defaultValue = "10", description = "Changes measured first, on the fresh server")
    int coldChanges;

    @Option(names = "--warmup-changes", defaultValue = "100")
    int warmupChanges;

    @Option(names = "--changes", defaultValue = "50", description = "Changes measured after the warm-up")
    int changes;

    @Option(names = "--gap-ms", defaultValue = "60", description = "Pause after a push arrived before the next change")
    int gapMs;

    /** What the subscribers receive, counted on their event loops. */
    private static final class Fanout {
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong lastArrival = new AtomicLong();
        volatile CountDownLatch pending = new CountDownLatch(0);

        void onMessage(BenchSocket s, ByteBuf json, long at) {
            bytes.addAndGet(json.readableBytes());
            lastArrival.accumulateAndGet(at, Math::max);
            pending.countDown();
        }
    }

    @Override
    public Integer call() throws Exception {
        if (mode.equals("v1") || mode.equals("both")) {
            run(false);
        }
        if (mode.equals("deltas") || mode.equals("both")) {
            run(true);
        }
        return 0;
    }

    private void run(boolean deltas) throws Exception {
        String name = deltas ? "deltas" : "v1";
        int threads = options.clientThreads > 0 ? options.clientThreads : Runtime.getRuntime().availableProcessors();
        try (ServerProcess server = options.startServer();
             Clients pool = new Clients(server.uri(), threads, false, 8 * 1024 * 1024)) {
            List<String> ids = Setup.createRooms(pool, "lobby", rooms, 8, SET_UP);
            BenchSocket changer = pool.connect().get(SET_UP.toSeconds(), TimeUnit.SECONDS);
            Clients.welcomed(changer).get(SET_UP.toSeconds(), TimeUnit.SECONDS);
            changer.handler((s, json, at) -> { });
            String listRooms = "{\"type\":\"list-rooms\",\"id\":\"l\"" + (deltas ? ",\"deltas\":true" : "") + "}";
            AtomicLong firstList = new AtomicLong();
            List<BenchSocket> lobby = pool.openMany(subscribers, 100, SET_UP, (i, s) -> Clients.welcomed(s).thenCompose(x -> {
                CompletableFuture<String> list = s.expect(m -> Wire.isType(m, "rooms"));
                s.send(listRooms);
                return list.thenApply(m -> {
                    firstList.set(m.length());
                    return s;
                });
            }));
            Fanout fanout = new Fanout();
            lobby.forEach(s -> s.handler(fanout::onMessage));
            System.out.printf("%s: %d rooms, %d subscribers (first list %,d bytes each), server RSS %,d KB%n",
                    name, rooms, subscribers, firstList.get(), server.sample().rssKb());
            phase(server, changer, ids, fanout, name, "cold", coldChanges, 0, true);
            phase(server, changer, ids, fanout, name, "warm-up", warmupChanges, coldChanges, false);
            phase(server, changer, ids, fanout, name, "warm", changes, coldChanges + warmupChanges, true);
            idle(server, name);
            System.out.printf("%s: server RSS at the end %,d KB%n", name, server.sample().rssKb());
        }
    }

    /** {@code count} changes, numbered from {@code first} (even: join the next room, odd: leave it). */
    private void phase(ServerProcess server, BenchSocket changer, List<String> ids, Fanout fanout, String mode,
                       String phase, int count, int first, boolean result) throws Exception {
        Latency latency = new Latency();
        long bytes0 = fanout.bytes.get();
        ProcessSample s0 = server.sample();
        ProcessSample g0 = ProcessSample.self();
        for (int i = first; i < first + count; i++) {
            CountDownLatch arrived = new CountDownLatch(subscribers);
            fanout.pending = arrived;
            long t0 = System.nanoTime();
            changer.send(i % 2 == 0 ? Wire.join("j" + i, ids.get((i / 2) % ids.size()), "changer") : Wire.leave("l" + i));
            if (!arrived.await(ONE_CHANGE.toSeconds(), TimeUnit.SECONDS)) {
                throw new TimeoutException(mode + " change " + i + ": " + arrived.getCount() + " of " + subscribers
                        + " subscribers got no push within " + ONE_CHANGE);
            }
            latency.recordNanos(fanout.lastArrival.get() - t0);
            Thread.sleep(gapMs);
        }
        ProcessSample s1 = server.sample();
        ProcessSample g1 = ProcessSample.self();
        double serverMs = (s1.cpuNanos() - s0.cpuNanos()) / 1e6 / count;
        double generatorMs = (g1.cpuNanos() - g0.cpuNanos()) / 1e6 / count;
        double wallMs = (s1.atNanos() - s0.atNanos()) / 1e6 / count;
        System.out.printf("%s lobby %s %s changes=%d rooms=%d subscribers=%d: change -> last subscriber %s;"
                        + " %,d bytes/change; server CPU %.2f ms/change, generator %.2f ms/change (a change every %.0f ms); load %s%n",
                result ? "RESULT" : "warm-up", mode, phase, count, rooms, subscribers, latency.summary(),
                (fanout.bytes.get() - bytes0) / count, serverMs, generatorMs, wallMs, loadAverage());
    }

    /** The server's CPU while nothing changes (keep-alive, GC, the JIT): what the per-change CPU includes besides the change. */
    private static void idle(ServerProcess server, String mode) throws InterruptedException {
        ProcessSample s0 = server.sample();
        Thread.sleep(5_000);
        ProcessSample s1 = server.sample();
        System.out.printf("RESULT lobby %s idle: server CPU %.1f ms per second with no change; load %s%n", mode,
                (s1.cpuNanos() - s0.cpuNanos()) / 1e6 / ((s1.atNanos() - s0.atNanos()) / 1e9), loadAverage());
    }

    private static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}

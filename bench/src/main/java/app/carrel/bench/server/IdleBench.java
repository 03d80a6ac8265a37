package app.carrel.bench.server;

import app.carrel.bench.ProcessSample;
import app.carrel.bench.ServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Idle connections: the server's resident memory before and after {@code --clients} clients
 * connect (welcome received) and sit idle. A first batch connects and leaves to load classes and
 * warm the JIT, so the growth counts connections, not start-up.
 */
@Command(name = "idle", mixinStandardHelpOptions = true,
        description = "Idle connected clients; server RSS growth per connection.")
public final class IdleBench implements Callable<Integer> {
    @Mixin
    ServerOptions options;

    @Option(names = "--clients", defaultValue = "2000")
    int clients;

    @Option(names = "--settle", defaultValue = "5", description = "Seconds to let the server settle before sampling")
    int settle;

    @Option(names = "--histogram", defaultValue = "true", negatable = true,
            description = "Also print the live heap per connection by class (jcmd GC.class_histogram)")
    boolean histogram;

    @Override
    public Integer call() throws Exception {
        try (ServerProcess server = options.startServer(); Clients pool = options.clients(server)) {
            List<BenchSocket> warm = pool.openMany(200, 100, Duration.ofSeconds(60), (i, s) -> Clients.welcomed(s));
            pool.closeAll(warm, Duration.ofSeconds(10));
            Thread.sleep(settle * 1000L); // let closes finish and the server go quiet before sampling
            String gc0 = fullGc(server);
            ProcessSample before = server.sample();
            Map<String, long[]> heap0 = histogram ? histogram(server) : Map.of();
            List<BenchSocket> idle = pool.openMany(clients, 100, Duration.ofSeconds(120), (i, s) -> Clients.welcomed(s));
            Thread.sleep(settle * 1000L);
            ProcessSample after = server.sample();
            // Growth that survives a full collection: what the connections really hold (heap and
            // native), without the garbage their handshakes left in the young generation.
            String gc1 = fullGc(server);
            ProcessSample afterGc = server.sample();
            ProcessSample self = ProcessSample.self();
            System.out.printf("RESULT idle clients=%d: server RSS (after full GCs) %d -> %d kB = %.1f kB per connection;"
                            + " before the second GC %d kB = %.1f kB per connection%s; generator RSS %d MB%n",
                    clients, before.rssKb(), afterGc.rssKb(), (afterGc.rssKb() - before.rssKb()) / (double) clients,
                    after.rssKb(), (after.rssKb() - before.rssKb()) / (double) clients,
                    gc0.isEmpty() && gc1.isEmpty() ? "" : " (jcmd: " + gc0 + gc1 + ")", self.rssKb() / 1024);
            if (histogram) {
                printPerConnection(heap0, histogram(server));
            }
            pool.closeAll(idle, Duration.ofSeconds(30));
            return 0;
        }
    }

    /** Live objects by class: {@code jcmd <pid> GC.class_histogram} (it collects first). */
    private Map<String, long[]> histogram(ServerProcess server) throws Exception {
        Process p = new ProcessBuilder("jcmd", Long.toString(server.pid()), "GC.class_histogram")
                .redirectErrorStream(true).start();
        Map<String, long[]> byClass = new HashMap<>();
        for (String line : new String(p.getInputStream().readAllBytes()).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                byClass.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        p.waitFor();
        return byClass;
    }

    private void printPerConnection(Map<String, long[]> before, Map<String, long[]> after) {
        List<Map.Entry<String, Long>> growth = new ArrayList<>();
        long total = 0;
        for (var e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            long bytes = e.getValue()[1] - b[1];
            total += bytes;
            growth.add(Map.entry(e.getKey(), bytes));
        }
        growth.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        System.out.printf("live heap growth: %.1f kB per connection; largest per connection:%n", total / 1024.0 / clients);
        for (var e : growth.subList(0, Math.min(12, growth.size()))) {
            System.out.printf("  %7.0f B  %s%n", e.getValue() / (double) clients, e.getKey());
        }
    }

    /** {@code jcmd <pid> GC.run}, then a moment for the heap to shrink; returns "" or the failure. */
    private static String fullGc(ServerProcess server) throws Exception {
        Process gc = new ProcessBuilder("jcmd", Long.toString(server.pid()), "GC.run").redirectErrorStream(true).start();
        String out = new String(gc.getInputStream().readAllBytes()).strip();
        boolean ok = gc.waitFor() == 0;
        Thread.sleep(2000); // uncommit and RSS accounting are not instant
        return ok ? "" : out;
    }
}

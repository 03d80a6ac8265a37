package app.carrel.bench.server;

import app.carrel.bench.ProcessSample;
import app.carrel.bench.ServerProcess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** 200 pairs negotiate at once (offer + answer ~5 KB, 10 ICE each way): one-way relay latency. */
@Command(name = "negotiate", mixinStandardHelpOptions = true,
        description = "Pairs negotiating at once; one-way relay latency p50/p99/max; nothing may be lost.")
public final class NegotiateBench implements Callable<Integer> {
    @Mixin
    ServerOptions options;

    @Option(names = "--pairs", defaultValue = "200")
    int pairs;

    @Option(names = "--rounds", defaultValue = "5", description = "Rounds on fresh pairs; the first is warm-up")
    int rounds;

    @Option(names = "--spread-ms", defaultValue = "0",
            description = "Start the pairs evenly over this window instead of all at once")
    long spreadMs;

    @Option(names = "--ice-gap-ms", defaultValue = "0", description = "Trickle each side's candidates this far apart")
    long iceGapMs;

    @Override
    public Integer call() throws Exception {
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-pacer");
            t.setDaemon(true);
            return t;
        });
        try (ServerProcess server = options.startServer(); Clients clients = options.clients(server)) {
            Latency all = new Latency();
            int lost = 0;
            int disorder = 0;
            int errors = 0;
            for (int r = 0; r < rounds; r++) {
                List<Setup.Pair> ready = Setup.pairs(clients, pairs, "neg" + r, Duration.ofSeconds(60));
                ProcessSample s0 = server.sample();
                ProcessSample g0 = ProcessSample.self();
                Negotiation.Result res = new Negotiation(Duration.ofMillis(spreadMs), Duration.ofMillis(iceGapMs), pacer)
                        .run(ready, Duration.ofSeconds(30));
                ProcessSample s1 = server.sample();
                ProcessSample g1 = ProcessSample.self();
                System.out.printf("round %d%s: %d/%d messages in %.3f s, out of order %d, errors %d%n  sdp %s%n"
                                + "  ice %s%n  all %s%n  %s%n", r, r == 0 ? " (warm-up)" : "", res.received(), res.expected(),
                        res.seconds(), res.outOfOrder(), res.errors(), res.sdp().summary(), res.ice().summary(),
                        res.all().summary(), ServerOptions.cpu(s0, s1, g0, g1));
                if (r > 0) {
                    all.add(res.all());
                    lost += res.lost();
                    disorder += res.outOfOrder();
                    errors += res.errors();
                }
                List<BenchSocket> sockets = new java.util.ArrayList<>();
                for (Setup.Pair p : ready) {
                    sockets.add(p.a());
                    sockets.add(p.b());
                }
                clients.closeAll(sockets, Duration.ofSeconds(10));
            }
            System.out.printf("RESULT negotiate pairs=%d rounds=%d spread=%d ms ice-gap=%d ms: %s; lost %d, out of order %d,"
                    + " errors %d%n", pairs, rounds - 1, spreadMs, iceGapMs, all.summary(), lost, disorder, errors);
            return lost == 0 && disorder == 0 && errors == 0 ? 0 : 1;
        } finally {
            pacer.shutdownNow();
        }
    }
}

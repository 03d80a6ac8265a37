package app.carrel.bench.server;

import app.carrel.bench.ServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The negotiate run on a server that grows: with 10, 1,000 and 5,000 other clients connected and
 * seated four to a room. Per-message latency should not depend on how many others there are.
 */
@Command(name = "scaling", mixinStandardHelpOptions = true,
        description = "Negotiate latency with growing numbers of idle seated clients.")
public final class ScalingBench implements Callable<Integer> {
    @Mixin
    ServerOptions options;

    @Mixin
    WarmUp warmUp;

    @Mixin
    NegotiationOptions negotiate;

    @Option(names = "--idle", split = ",", defaultValue = "10,1000,5000", description = "Idle client counts")
    List<Integer> levels;

    @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds per level")
    int rounds;

    @Option(names = "--settle", defaultValue = "0",
            description = "Seconds to wait after adding idle clients (past the server's 15 s ping, so each has ponged)")
    int settle;

    private ScheduledExecutorService pacer;
    /** The negotiating pairs' rooms, the same every round. */
    private List<String> rooms;

    @Override
    public Integer call() throws Exception {
        int bad = 0;
        pacer = NegotiationOptions.pacer();
        try (ServerProcess server = options.startServer(); Clients pool = options.clients(server)) {
            rooms = Setup.createRooms(pool, "sc", negotiate.pairs, 2, Duration.ofSeconds(60));
            warmUp.start();
            for (int w = 0; warmUp.more(w); w++) {
                run(pool, server, "warm-up " + (w + 1), 1);
            }
            List<BenchSocket> idle = new ArrayList<>();
            StringBuilder table = new StringBuilder();
            for (int level : levels) {
                int add = level - idle.size();
                idle.addAll(Setup.idleSeated(pool, add, 4, "idle" + level, Duration.ofSeconds(180)));
                Thread.sleep(settle * 1000L); // an idle period on purpose, not a wait for an event
                Negotiation.Result[] results = run(pool, server, "idle=" + level, rounds);
                Latency all = new Latency();
                long relayed = 0;
                long cpuInRounds = 0;
                for (Negotiation.Result r : results) {
                    all.add(r.all());
                    relayed += r.received();
                    cpuInRounds += r.serverCpuNanos();
                    bad += r.lost() + r.outOfOrder() + r.errors();
                }
                table.append(String.format("RESULT scaling idle=%d %s: %s;"
                                + " server CPU %.1f us per relayed message; server RSS %d MB%n", level, negotiate.describe(),
                        all.summary(), cpuInRounds / 1000.0 / relayed, server.sample().rssKb() / 1024));
            }
            System.out.print(table);
        } finally {
            pacer.shutdownNow();
        }
        return bad == 0 ? 0 : 1;
    }

    private Negotiation.Result[] run(Clients pool, ServerProcess server, String label, int count) throws Exception {
        Negotiation.Result[] results = new Negotiation.Result[count];
        for (int r = 0; r < count; r++) {
            results[r] = NegotiateRound.run(server, pool, rooms, negotiate.negotiation(pacer), label + " round " + (r + 1));
        }
        return results;
    }
}

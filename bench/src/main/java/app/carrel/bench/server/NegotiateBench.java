package app.carrel.bench.server;

import app.carrel.bench.ServerProcess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
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

    @Mixin
    WarmUp warmUp;

    @Mixin
    NegotiationOptions negotiate;

    @Option(names = "--rounds", defaultValue = "10", description = "Measured rounds on fresh pairs, after the warm-up")
    int rounds;

    @Override
    public Integer call() throws Exception {
        ScheduledExecutorService pacer = NegotiationOptions.pacer();
        try (ServerProcess server = options.startServer(); Clients clients = options.clients(server)) {
            // The same rooms every round: a school's rooms stay, people come and go.
            List<String> rooms = Setup.createRooms(clients, "neg", negotiate.pairs, 2, Duration.ofSeconds(60));
            warmUp.start();
            for (int w = 0; warmUp.more(w); w++) {
                NegotiateRound.run(server, clients, rooms, negotiate.negotiation(pacer), "warm-up " + (w + 1));
            }
            Latency all = new Latency();
            int lost = 0;
            int disorder = 0;
            int errors = 0;
            for (int r = 1; r <= rounds; r++) {
                Negotiation.Result res = NegotiateRound.run(server, clients, rooms, negotiate.negotiation(pacer), "round " + r);
                all.add(res.all());
                lost += res.lost();
                disorder += res.outOfOrder();
                errors += res.errors();
            }
            System.out.printf("RESULT negotiate %s rounds=%d: %s; lost %d, out of order %d, errors %d%n",
                    negotiate.describe(), rounds, all.summary(), lost, disorder, errors);
            return lost == 0 && disorder == 0 && errors == 0 ? 0 : 1;
        } finally {
            pacer.shutdownNow();
        }
    }
}

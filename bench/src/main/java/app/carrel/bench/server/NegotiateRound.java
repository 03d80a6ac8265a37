package app.carrel.bench.server;

import app.carrel.bench.ProcessSample;
import app.carrel.bench.ServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One negotiate round: seat fresh pairs, negotiate, print what it measured, let them leave. */
final class NegotiateRound {
    private NegotiateRound() {
    }

    /**
     * Seats a pair in each of {@code rooms} (empty, and empty again afterwards). The result carries
     * the server's CPU time over the negotiation itself, not the seating.
     */
    static Negotiation.Result run(ServerProcess server, Clients clients, List<String> rooms, Negotiation negotiation,
                                  String label) throws Exception {
        List<Setup.Pair> ready = Setup.pairs(clients, rooms, Duration.ofSeconds(60));
        ProcessSample s0 = server.sample();
        ProcessSample g0 = ProcessSample.self();
        Negotiation.Result res = negotiation.run(ready, Duration.ofSeconds(30));
        ProcessSample s1 = server.sample();
        ProcessSample g1 = ProcessSample.self();
        System.out.printf("%s: %d/%d messages in %.3f s, out of order %d, errors %d%n  sdp %s%n  ice %s%n  all %s%n  %s%n",
                label, res.received(), res.expected(), res.seconds(), res.outOfOrder(), res.errors(), res.sdp().summary(),
                res.ice().summary(), res.all().summary(), ServerOptions.cpu(s0, s1, g0, g1));
        List<BenchSocket> sockets = new ArrayList<>();
        for (Setup.Pair p : ready) {
            sockets.add(p.a());
            sockets.add(p.b());
        }
        Setup.leaveAndClose(clients, sockets, Duration.ofSeconds(10));
        return res.withServerCpu(s1.cpuNanos() - s0.cpuNanos());
    }
}

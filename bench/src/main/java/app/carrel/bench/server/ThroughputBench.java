package app.carrel.bench.server;

import app.carrel.bench.ProcessSample;
import app.carrel.bench.ServerProcess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Pairs ping-ponging ICE-sized messages: each side keeps {@code --window} messages in flight to
 * its peer and answers every arrival with a new one, so the load is closed-loop and the count of
 * arrivals per second is the server's relay throughput on this machine.
 */
@Command(name = "throughput", mixinStandardHelpOptions = true,
        description = "Pairs ping-ponging ICE messages; relayed messages per second.")
public final class ThroughputBench implements Callable<Integer> {
    @Mixin
    ServerOptions options;

    @Option(names = "--pairs", defaultValue = "200")
    int pairs;

    @Option(names = "--window", defaultValue = "8", description = "Messages in flight per direction per pair")
    int window;

    @Option(names = "--seconds", defaultValue = "20")
    int seconds;

    @Option(names = "--warmup", defaultValue = "5",
            description = "Seconds of traffic before measuring; at this rate the relay path compiles within them")
    int warmup;

    @Option(names = "--idle", defaultValue = "0", description = "Other clients connected and seated, idle, meanwhile")
    int idle;

    private final LongAdder relayed = new LongAdder();
    private final AtomicInteger errors = new AtomicInteger();
    private volatile boolean running = true;
    private volatile Latency latency = new Latency();

    @Override
    public Integer call() throws Exception {
        try (ServerProcess server = options.startServer(); Clients clients = options.clients(server)) {
            Setup.idleSeated(clients, idle, 4, "tp-idle", Duration.ofSeconds(180));
            List<Setup.Pair> ready = Setup.pairs(clients, pairs, "tp", Duration.ofSeconds(60));
            for (Setup.Pair p : ready) {
                p.a().handler(echo(p.bId()));
                p.b().handler(echo(p.aId()));
            }
            for (Setup.Pair p : ready) {
                Relay.Template toA = Relay.ice(p.aId());
                Relay.Template toB = Relay.ice(p.bId());
                for (int i = 0; i < window; i++) {
                    p.a().sendStamped(toB, 0);
                    p.b().sendStamped(toA, 0);
                }
            }
            Thread.sleep(warmup * 1000L); // the warm-up window itself, not a wait for an event
            latency = new Latency();
            long n0 = relayed.sum();
            ProcessSample s0 = server.sample();
            ProcessSample g0 = ProcessSample.self();
            Thread.sleep(seconds * 1000L); // the measurement window
            long n1 = relayed.sum();
            ProcessSample s1 = server.sample();
            ProcessSample g1 = ProcessSample.self();
            Latency measured = latency;
            running = false;
            double wall = (s1.atNanos() - s0.atNanos()) / 1e9;
            double rate = (n1 - n0) / wall;
            System.out.printf("RESULT throughput pairs=%d window=%d idle=%d: %.0f relayed msg/s over %.1f s (%d messages), "
                            + "errors %d%n  latency under load %s%n  %s; CPU per relayed message: server %.1f us,"
                            + " generator %.1f us; server RSS %d MB%n", pairs, window, idle, rate, wall,
                    n1 - n0, errors.get(), measured.summary(), ServerOptions.cpu(s0, s1, g0, g1),
                    s1.coresSince(s0) * 1e6 / rate, g1.coresSince(g0) * 1e6 / rate, s1.rssKb() / 1024);
            return errors.get() == 0 ? 0 : 1;
        }
    }

    private BenchSocket.Handler echo(String peerId) {
        Relay.Template reply = Relay.ice(peerId);
        return (socket, json, at) -> {
            if (!Relay.isType(json, "ice")) {
                if (Relay.isType(json, "error") && errors.incrementAndGet() <= 5) {
                    System.err.println("error reply: " + Setup.abbreviate(Relay.text(json)));
                }
                return;
            }
            relayed.increment();
            latency.recordNanos(at - Relay.stampOf(json));
            if (running) {
                socket.sendStamped(reply, 0);
            }
        };
    }
}

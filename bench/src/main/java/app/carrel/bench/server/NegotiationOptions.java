package app.carrel.bench.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import picocli.CommandLine.Option;

/** How the pairs of negotiate and scaling negotiate (a picocli mixin). */
public final class NegotiationOptions {
    @Option(names = "--pairs", defaultValue = "200")
    int pairs;

    @Option(names = "--spread-ms", defaultValue = "0",
            description = "Start the pairs evenly over this window instead of all at once")
    long spreadMs;

    @Option(names = "--ice-gap-ms", defaultValue = "0", description = "Trickle each side's candidates this far apart")
    long iceGapMs;

    /** The thread that paces a spread-out or trickled round; the caller shuts it down. */
    static ScheduledExecutorService pacer() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-pacer");
            t.setDaemon(true);
            return t;
        });
    }

    Negotiation negotiation(ScheduledExecutorService pacer) {
        return new Negotiation(Duration.ofMillis(spreadMs), Duration.ofMillis(iceGapMs), pacer);
    }

    /** "pairs=200 spread=0 ms ice-gap=0 ms", for RESULT lines. */
    String describe() {
        return String.format("pairs=%d spread=%d ms ice-gap=%d ms", pairs, spreadMs, iceGapMs);
    }
}

package app.carrel.bench.server;

import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Option;

/**
 * How long a benchmark loads the server before it measures (a picocli mixin). A fresh server JVM
 * spends much of its CPU compiling for its first ~40 s of load (C2 threads took a third to two
 * thirds of the server's CPU in perf profiles of the third join storm and of negotiate rounds
 * 15-40), which is not what a server that has been up for a while costs. Warm-up runs at least one
 * round, then rounds until the time is up.
 */
public final class WarmUp {
    @Option(names = "--warmup-seconds", defaultValue = "60",
            description = "Load the server this long before measuring (default: ${DEFAULT-VALUE})")
    int seconds;

    private long endNanos;

    /** Starts the clock: call as the warm-up load begins. */
    public WarmUp start() {
        endNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        return this;
    }

    /** True while another warm-up round is due, given how many have run. */
    public boolean more(int roundsDone) {
        return roundsDone == 0 || System.nanoTime() < endNanos;
    }
}

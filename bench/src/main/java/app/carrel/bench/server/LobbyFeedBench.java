package app.carrel.bench.server;

import java.util.concurrent.Callable;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs {@link LobbyFeedBenchmark} under JMH with the allocation profiler: warm (3 × 2 s warm-up,
 * 5 × 2 s measured) and, with {@code --cold}, the first changes of a fresh JVM (single shots, no
 * warm-up, each fork a new JVM).
 */
@Command(name = "lobby-feed", mixinStandardHelpOptions = true,
        description = "JMH: one lobby change inside the server, deltas against v1 whole lists; time and bytes allocated.")
public final class LobbyFeedBench implements Callable<Integer> {
    @Option(names = "--cold", description = "Single shots of the first changes in fresh JVMs instead of a warm average")
    boolean cold;

    @Option(names = "--rooms", defaultValue = "5000")
    String rooms;

    @Option(names = "--subscribers", defaultValue = "500")
    String subscribers;

    @Override
    public Integer call() throws Exception {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include(LobbyFeedBenchmark.class.getName())
                .param("rooms", rooms)
                .param("subscribers", subscribers)
                .addProfiler(GCProfiler.class)
                // A fixed, pre-touched heap, as a server that has run a while has: with the JVM's
                // own sizing (up to 6 GB here) every v1 push's 277 MB of fresh buffers first faulted
                // new pages in, and one change took 0.4-4 s.
                .jvmArgsAppend("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch");
        if (cold) {
            // Each fork: a fresh JVM, set-up, then the first 20 changes timed one by one.
            o.mode(org.openjdk.jmh.annotations.Mode.SingleShotTime).warmupIterations(0)
                    .measurementIterations(20).measurementBatchSize(1).forks(3)
                    .timeUnit(java.util.concurrent.TimeUnit.MICROSECONDS);
        } else {
            o.warmupTime(TimeValue.seconds(2)).measurementTime(TimeValue.seconds(2));
        }
        new Runner(o.build()).run();
        return 0;
    }
}

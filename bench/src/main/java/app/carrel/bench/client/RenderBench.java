package app.carrel.bench.client;

import java.util.concurrent.Callable;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs {@link RenderPathBenchmark} under JMH with the allocation profiler ({@code -prof gc}), in
 * a forked JVM whose java.io.tmpdir is this JVM's (the native loader copies its library there).
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "JMH: I420 640x480 -> PixelBuffer pixels, time and allocation per frame.")
public final class RenderBench implements Callable<Integer> {
    @Option(names = "--quick", description = "Shorter iterations, for a smoke run")
    boolean quick;

    @Override
    public Integer call() throws Exception {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include(RenderPathBenchmark.class.getName())
                .addProfiler(GCProfiler.class)
                .forks(1)
                .jvmArgsAppend("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-Djava.awt.headless=true");
        if (quick) {
            o.warmupIterations(1).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
                    .measurementIterations(2).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1));
        }
        new Runner(o.build()).run();
        System.out.println("native library copies left: " + ClientOptions.nativeCopiesLeft());
        return 0;
    }
}

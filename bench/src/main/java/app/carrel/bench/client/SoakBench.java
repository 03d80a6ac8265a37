package app.carrel.bench.client;

import app.carrel.bench.ProcessSample;
import app.carrel.bench.ServerProcess;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Three engines in one room for ten minutes; this JVM's RSS every 10 s. After the warm-up the
 * trend (least-squares slope) should be flat: a leaked native frame would show as steady growth
 * (640x480 I420 is 460 KB; 30 fps of leaks is ~14 MB/s per stream).
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Engines in one room for a long time; RSS sampled, must be flat after warm-up.")
public final class SoakBench implements Callable<Integer> {
    @Mixin
    ClientOptions options;

    @Option(names = "--peers", defaultValue = "3")
    int peers;

    @Option(names = "--minutes", defaultValue = "10")
    int minutes;

    @Option(names = "--every", defaultValue = "10", description = "Seconds between RSS samples")
    int every;

    @Option(names = "--warmup", defaultValue = "120", description = "Seconds excluded from the trend")
    int warmup;

    @Option(names = "--render", defaultValue = "true", negatable = true,
            description = "Also convert every frame to screen pixels as the app does (default: ${DEFAULT-VALUE})")
    boolean render;

    @Override
    public Integer call() throws Exception {
        List<double[]> samples = new ArrayList<>();
        try (ServerProcess server = options.startServer(); Mesh mesh = new Mesh(options, server.uri(), peers, render)) {
            long start = System.nanoTime();
            long end = start + minutes * 60_000_000_000L;
            long next = start;
            ProcessSample first = ProcessSample.self();
            boolean baselined = false;
            while (next <= end) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // the sampling period
                }
                ProcessSample s = ProcessSample.self();
                double t = (s.atNanos() - start) / 1e9;
                long frames = mesh.frames().values().stream().mapToLong(Long::longValue).sum();
                samples.add(new double[] {t, s.rssKb() / 1024.0});
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                System.out.printf("t=%4.0f s  RSS %7.1f MB  (Java heap in use %5.1f MB)  frames decoded %d  cpu %.2f cores%n",
                        t, s.rssKb() / 1024.0, heap / 1048576.0, frames, s.coresSince(first));
                next += every * 1_000_000_000L;
                if (!baselined && t >= warmup) {
                    baselined = true;
                    jcmd("VM.native_memory", "baseline");
                }
            }
            // With -XX:NativeMemoryTracking=summary: what the JVM itself grew by since the warm-up
            // (heap, code, threads, direct buffers under "Other"); RSS growth beyond it is native
            // code's own malloc (libwebrtc), which the JVM cannot see.
            System.out.println(jcmd("VM.native_memory", "summary.diff"));
        }
        List<double[]> steady = samples.stream().filter(s -> s[0] >= warmup).toList();
        double slope = slopePerMinute(steady);
        double lo = steady.stream().mapToDouble(s -> s[1]).min().orElse(0);
        double hi = steady.stream().mapToDouble(s -> s[1]).max().orElse(0);
        System.out.printf("RESULT soak peers=%d %s@%d %d min: RSS after warm-up %.1f..%.1f MB, trend %+.2f MB/min%n",
                peers, options.size, options.fps, minutes, lo, hi, slope);
        System.out.println("native library copies left: " + ClientOptions.nativeCopiesLeft());
        return 0;
    }

    /** Runs jcmd on this JVM; returns its output, or why there is none. */
    private static String jcmd(String... command) {
        if (ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .noneMatch(a -> a.startsWith("-XX:NativeMemoryTracking="))) {
            return "(no native memory tracking: run with -XX:NativeMemoryTracking=summary to see the JVM's share)";
        }
        try {
            List<String> args = new ArrayList<>(List.of("jcmd", Long.toString(ProcessHandle.current().pid())));
            args.addAll(List.of(command));
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            return p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) ? out : "jcmd did not finish";
        } catch (Exception e) {
            return "jcmd failed: " + e;
        }
    }

    private static double slopePerMinute(List<double[]> xy) {
        int n = xy.size();
        if (n < 2) {
            return 0;
        }
        double mx = xy.stream().mapToDouble(s -> s[0]).average().orElse(0);
        double my = xy.stream().mapToDouble(s -> s[1]).average().orElse(0);
        double num = 0;
        double den = 0;
        for (double[] s : xy) {
            num += (s[0] - mx) * (s[1] - my);
            den += (s[0] - mx) * (s[0] - mx);
        }
        return den == 0 ? 0 : num / den * 60;
    }
}

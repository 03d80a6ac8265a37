package app.carrel.bench.client;

import app.carrel.bench.ProcessSample;
import app.carrel.bench.ServerProcess;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A 4-peer mesh in one JVM at 640x480@30: decoded fps per remote stream, and CPU. */
@Command(name = "mesh", mixinStandardHelpOptions = true,
        description = "N engines in one room; decoded fps per remote stream and CPU.")
public final class MeshBench implements Callable<Integer> {
    @Mixin
    ClientOptions options;

    @Option(names = "--peers", defaultValue = "4")
    int peers;

    @Option(names = "--seconds", defaultValue = "60")
    int seconds;

    @Option(names = "--warmup", defaultValue = "10", description = "Seconds after all video flows, before measuring")
    int warmup;

    @Option(names = "--render", defaultValue = "true", negatable = true,
            description = "Also convert every frame to screen pixels as the app does (default: ${DEFAULT-VALUE})")
    boolean render;

    @Override
    public Integer call() throws Exception {
        try (ServerProcess server = options.startServer(); Mesh mesh = new Mesh(options, server.uri(), peers, render)) {
            Thread.sleep(warmup * 1000L); // the warm-up window (bandwidth estimation ramps up)
            Map<String, Long> f0 = mesh.frames();
            ProcessSample self0 = ProcessSample.self();
            ProcessSample server0 = server.sample();
            Thread.sleep(seconds * 1000L); // the measurement window
            Map<String, Long> f1 = mesh.frames();
            ProcessSample self1 = ProcessSample.self();
            ProcessSample server1 = server.sample();
            double wall = (self1.atNanos() - self0.atNanos()) / 1e9;
            double min = Double.MAX_VALUE;
            double sum = 0;
            Map<String, String> sizes = mesh.sizes();
            for (var e : f1.entrySet()) {
                double fps = (e.getValue() - f0.getOrDefault(e.getKey(), 0L)) / wall;
                min = Math.min(min, fps);
                sum += fps;
                System.out.printf("  %-16s %5.1f fps  %s%n", e.getKey(), fps, sizes.get(e.getKey()));
            }
            System.out.printf("RESULT mesh peers=%d %s@%d render=%b over %.0f s: decoded fps per stream min %.1f avg %.1f"
                            + " (%d streams); engines' JVM %.2f cores, server %.2f cores (of %d); RSS %d MB%n",
                    peers, options.size, options.fps, render, wall, min, sum / f1.size(), f1.size(),
                    self1.coresSince(self0), server1.coresSince(server0), Runtime.getRuntime().availableProcessors(),
                    self1.rssKb() / 1024);
        }
        System.out.println("native library copies left: " + ClientOptions.nativeCopiesLeft());
        return 0;
    }
}

package app.carrel.bench.client;

import app.carrel.bench.ProcessSample;
import app.carrel.client.call.CallConfig;
import app.carrel.client.call.CallEngine;
import app.carrel.client.call.Traffic;
import app.carrel.client.call.VideoKind;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.CameraPattern;
import app.carrel.client.media.MediaFactory;
import app.carrel.client.media.NativeLibrary;
import app.carrel.server.janus.LocalJanus;
import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * One room of N engines in this JVM, as a mesh or as a study hall through a real Janus: per
 * client uplink and downlink, decoded fps, the engines' CPU per client and Janus's CPU per
 * forwarded stream. Each engine views at most {@code --view} others (a page of tiles).
 */
@Command(name = "halls", mixinStandardHelpOptions = true,
        description = "N engines in a mesh room or a Janus hall: uplink, downlink, fps and CPU per client.")
public final class HallBench implements Callable<Integer> {
    @Mixin
    ClientOptions options;

    @Option(names = "--transport", defaultValue = "sfu", description = "mesh or sfu (default: ${DEFAULT-VALUE})")
    String transport;

    @Option(names = "--peers", defaultValue = "8")
    int peers;

    @Option(names = "--view", defaultValue = "8", description = "Others each one shows (a page)")
    int view;

    @Option(names = "--pattern", defaultValue = "detail", description = "flat or detail (default: ${DEFAULT-VALUE})")
    String pattern;

    @Option(names = "--seconds", defaultValue = "30")
    int seconds;

    @Option(names = "--warmup", defaultValue = "15", description = "Seconds after all video flows, before measuring")
    int warmup;

    @Override
    public Integer call() throws Exception {
        boolean sfu = transport.equals("sfu");
        try (BenchServer server = BenchServer.start(options, sfu)) {
            run(server, sfu);
        }
        System.out.println("native library copies left: " + ClientOptions.nativeCopiesLeft());
        return 0;
    }

    /** Engines close before the server, so they leave instead of retrying a vanished server. */
    private void run(BenchServer server, boolean sfu) throws Exception {
        List<CallEngine> engines = new ArrayList<>();
        try {
            LocalJanus janus = server.janus();
            NativeLibrary.prepare();
            for (int i = 0; i < peers; i++) {
                CallConfig config = CallConfig.builder(server.uri(), "p" + i).format(options.format())
                        .syntheticColor(Color.getHSBColor(i / (float) peers, 0.8f, 0.9f))
                        .syntheticPattern(CameraPattern.valueOf(pattern.toUpperCase()))
                        .requestTimeout(Duration.ofSeconds(15)).build();
                engines.add(new CallEngine(config, MediaFactory.create(new AudioBackend(AudioBackend.Kind.HEADLESS,
                        "benchmark"))));
            }
            int capacity = sfu ? Math.max(peers, 5) : peers;
            String room = engines.get(0).createRoom("bench", capacity, null).get(15, TimeUnit.SECONDS).id();
            for (CallEngine e : engines) {
                e.join(room, null).get(30, TimeUnit.SECONDS);
            }
            List<String> ids = engines.stream().map(CallEngine::selfId).toList();
            for (int i = 0; i < peers; i++) {
                List<String> shown = new ArrayList<>();
                for (int k = 1; k <= Math.min(view, peers - 1); k++) {
                    shown.add(ids.get((i + k) % peers));
                }
                engines.get(i).showVideoOf(shown);
            }
            awaitVideo(engines, ids, Duration.ofSeconds(60));
            Thread.sleep(warmup * 1000L); // the warm-up window: bandwidth estimation ramps up
            List<Traffic> t0 = traffic(engines);
            long frames0 = frames(engines, ids);
            ProcessSample self0 = ProcessSample.self();
            ProcessSample janus0 = janus == null ? null : ProcessSample.of(janus.pid());
            Thread.sleep(seconds * 1000L); // the measurement window
            List<Traffic> t1 = traffic(engines);
            long frames1 = frames(engines, ids);
            ProcessSample self1 = ProcessSample.self();
            ProcessSample janus1 = janus == null ? null : ProcessSample.of(janus.pid());
            double wall = (self1.atNanos() - self0.atNanos()) / 1e9;
            long up = 0;
            long down = 0;
            for (int i = 0; i < peers; i++) {
                up += t1.get(i).sent() - t0.get(i).sent();
                down += t1.get(i).received() - t0.get(i).received();
            }
            int streams = peers * Math.min(view, peers - 1);
            System.out.printf("RESULT halls transport=%s peers=%d view=%d %s@%d %s over %.0f s: per client up %.0f kbit/s,"
                            + " down %.0f kbit/s, decoded %.1f fps per viewed stream; engines %.3f cores per client"
                            + " (%.2f in all, of %d)%s%n",
                    transport, peers, Math.min(view, peers - 1), options.size, options.fps, pattern, wall,
                    up * 8 / wall / 1000 / peers, down * 8 / wall / 1000 / peers,
                    (frames1 - frames0) / wall / streams, self1.coresSince(self0) / peers, self1.coresSince(self0),
                    Runtime.getRuntime().availableProcessors(),
                    janus == null ? "" : String.format("; Janus %.3f cores, %.2f ms CPU per forwarded stream-second",
                            janus1.coresSince(janus0), janus1.coresSince(janus0) * 1000 / streams));
        } finally {
            for (CallEngine e : engines) {
                e.close();
            }
        }
    }

    private static List<Traffic> traffic(List<CallEngine> engines) throws Exception {
        List<Traffic> all = new ArrayList<>();
        for (CallEngine e : engines) {
            all.add(e.traffic().get(10, TimeUnit.SECONDS));
        }
        return all;
    }

    private long frames(List<CallEngine> engines, List<String> ids) {
        long sum = 0;
        for (int i = 0; i < peers; i++) {
            for (int k = 1; k <= Math.min(view, peers - 1); k++) {
                sum += engines.get(i).videoReception(ids.get((i + k) % peers), VideoKind.CAMERA).frames();
            }
        }
        return sum;
    }

    private void awaitVideo(List<CallEngine> engines, List<String> ids, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        for (int i = 0; i < peers; i++) {
            for (int k = 1; k <= Math.min(view, peers - 1); k++) {
                String from = ids.get((i + k) % peers);
                while (engines.get(i).videoReception(from, VideoKind.CAMERA).frames() == 0) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("p" + i + " never received " + from);
                    }
                    Thread.sleep(50); // polling the engines' counters with a deadline
                }
            }
        }
    }

}

package app.carrel.bench.client;

import app.carrel.bench.ProcessSample;
import app.carrel.bench.ServerProcess;
import app.carrel.client.call.CallConfig;
import app.carrel.client.call.CallEngine;
import app.carrel.client.call.PeerStats;
import app.carrel.client.call.VideoKind;
import app.carrel.client.call.VideoReception;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.CameraPattern;
import app.carrel.client.media.MediaFactory;
import app.carrel.client.media.NativeLibrary;
import app.carrel.client.media.SyntheticCamera;
import java.awt.Color;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What a synthetic camera pattern costs on the wire: two engines call each other, and after a
 * warm-up (the bandwidth estimate ramps up from 300 kbit/s) we count what each sends, what each
 * decodes, and what drawing the pattern costs per frame.
 */
@Command(name = "camera-bitrate", mixinStandardHelpOptions = true,
        description = "Encoded bitrate, decoded fps and drawing time of a synthetic camera pattern in a two-way call.")
public final class CameraBitrateBench implements Callable<Integer> {
    @Mixin
    ClientOptions options;

    @Option(names = "--pattern", defaultValue = "detail", description = "flat or detail (default: ${DEFAULT-VALUE})")
    String pattern;

    @Option(names = "--seconds", defaultValue = "30")
    int seconds;

    @Option(names = "--warmup", defaultValue = "20", description = "Seconds after video flows, before measuring")
    int warmup;

    private final List<CallEngine> engines = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        CameraPattern picture = CameraPattern.of(pattern);
        List<SyntheticCamera> cameras = new ArrayList<>();
        try (ServerProcess server = options.startServer()) {
            try {
                for (int i = 0; i < 2; i++) {
                    engines.add(engine(server.uri(), "peer" + i, i, picture, cameras));
                }
                String room = engines.get(0).createRoom("bitrate", 2, null).get(15, TimeUnit.SECONDS).id();
                for (CallEngine e : engines) {
                    e.join(room, null).get(15, TimeUnit.SECONDS);
                }
                awaitVideo(Duration.ofSeconds(30));
                Thread.sleep(warmup * 1000L); // the warm-up window (bandwidth estimation ramps up)
                long[] sent0 = sent();
                long[] frames0 = frames();
                ProcessSample self0 = ProcessSample.self();
                Thread.sleep(seconds * 1000L); // the measurement window
                long[] sent1 = sent();
                long[] frames1 = frames();
                ProcessSample self1 = ProcessSample.self();
                double wall = (self1.atNanos() - self0.atNanos()) / 1e9;
                for (int i = 0; i < 2; i++) {
                    VideoReception r = engines.get(1 - i).videoReception(engines.get(i).selfId(), VideoKind.CAMERA);
                    System.out.printf("RESULT camera-bitrate pattern=%s %s@%d peer%d: sent %.0f kbps, decoded at the"
                                    + " other end %.1f fps %dx%d, drawing %.2f ms/frame%n",
                            picture.label(), options.size, options.fps, i, (sent1[i] - sent0[i]) * 8 / wall / 1000,
                            (frames1[i] - frames0[i]) / wall, r.width(), r.height(),
                            cameras.get(i).paintMillisPerFrame());
                }
                System.out.printf("RESULT camera-bitrate pattern=%s %s@%d over %.0f s: JVM (2 engines) %.2f cores%n",
                        picture.label(), options.size, options.fps, wall, self1.coresSince(self0));
            } finally {
                for (CallEngine e : engines) {
                    e.close();
                }
            }
        }
        System.out.println("native library copies left: " + ClientOptions.nativeCopiesLeft());
        return 0;
    }

    private CallEngine engine(URI server, String name, int index, CameraPattern picture, List<SyntheticCamera> cameras) {
        NativeLibrary.prepare();
        Color color = new Color(ClientOptions.COLORS[index]);
        // Our own camera supplier, so the drawing time can be read off the camera afterwards.
        CallConfig config = CallConfig.builder(server, name)
                .format(options.format())
                .camera(() -> {
                    SyntheticCamera camera = new SyntheticCamera(options.format(), color, name, picture);
                    cameras.add(camera);
                    return camera;
                })
                .requestTimeout(Duration.ofSeconds(15))
                .build();
        return new CallEngine(config, MediaFactory.create(new AudioBackend(AudioBackend.Kind.HEADLESS, "benchmark")));
    }

    /** Bytes each engine has sent, in engine order. */
    private long[] sent() throws Exception {
        long[] sent = new long[engines.size()];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = engines.get(i).stats().get(10, TimeUnit.SECONDS).stream().mapToLong(PeerStats::bytesSent).sum();
        }
        return sent;
    }

    /** Frames of engine i's camera decoded by the other one. */
    private long[] frames() {
        long[] frames = new long[2];
        for (int i = 0; i < 2; i++) {
            frames[i] = engines.get(1 - i).videoReception(engines.get(i).selfId(), VideoKind.CAMERA).frames();
        }
        return frames;
    }

    private void awaitVideo(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (frames()[0] == 0 || frames()[1] == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no video both ways after " + limit);
            }
            Thread.sleep(100); // polling the engines' counters with a deadline
        }
    }
}

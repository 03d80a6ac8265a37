package app.carrel.bench.client;

import app.carrel.bench.server.Latency;
import app.carrel.client.call.CallEngine;
import app.carrel.client.call.CallListener;
import app.carrel.client.call.ConnectionState;
import app.carrel.client.media.CameraPattern;
import dev.onvoid.webrtc.logging.Logging;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Call setup as a person feels it: engine B (already connected to the server) sends {@code join}
 * to a room where A waits; the clock stops when B decodes A's first video frame. Also reports
 * when B got {@code joined} and when its peer connection reached CONNECTED (ICE + DTLS done), so
 * a slow setup shows which step is slow. B leaves between runs and joins again, after a random
 * wait of up to 100 ms.
 */
@Command(name = "call-setup", mixinStandardHelpOptions = true,
        description = "join sent -> first remote frame decoded, two engines, repeated runs.")
public final class CallSetupBench implements Callable<Integer> {
    @Mixin
    ClientOptions options;

    @Option(names = "--runs", defaultValue = "20")
    int runs;

    @Option(names = "--warmup", defaultValue = "2", description = "Runs before the measured ones")
    int warmup;

    @Option(names = "--pattern", defaultValue = "flat",
            description = "The cameras' picture: flat (a small key frame) or detail (a camera-like one); default ${DEFAULT-VALUE}")
    String pattern;

    @Option(names = "--hall", description = "A study hall through a Janus of our own instead of a mesh")
    boolean hall;

    @Option(names = "--webrtc-log", description = "Write libwebrtc's own INFO log here, each line stamped in ms"
            + " since the run's join was sent: where a slow run's time went")
    Path webrtcLog;

    private static final int STAGGER_MS = 100;
    private final Random random = new Random(42);

    /** Nanos of the current run's join; read by libwebrtc's logging threads. */
    private volatile long runStart;

    @Override
    public Integer call() throws Exception {
        if (webrtcLog != null) {
            logWebrtc(webrtcLog);
        }
        Latency joined = new Latency();
        Latency connected = new Latency();
        Latency firstFrame = new Latency();
        try (BenchServer server = BenchServer.start(options, hall);
             CallEngine a = options.engine(server.uri(), "A", 0, CameraPattern.of(pattern));
             CallEngine b = options.engine(server.uri(), "B", 1, CameraPattern.of(pattern))) {
            String room = a.createRoom("call-setup", hall ? 6 : 2, null).get(15, TimeUnit.SECONDS).id();
            a.join(room, null).get(15, TimeUnit.SECONDS);
            String aId = a.selfId();
            b.showVideoOf(List.of(aId)); // a hall sends B only the video it shows
            b.connect().get(15, TimeUnit.SECONDS);
            for (int run = 0; run < warmup + runs; run++) {
                CompletableFuture<Long> frame = new CompletableFuture<>();
                CompletableFuture<Long> up = new CompletableFuture<>();
                b.setVideoSink(aId, (peer, kind, f) -> frame.complete(System.nanoTime()));
                CallListener watch = new CallListener() {
                    @Override
                    public void onConnectionState(String peerId, ConnectionState state) {
                        if (state == ConnectionState.CONNECTED) {
                            up.complete(System.nanoTime());
                        }
                    }
                };
                b.addListener(watch);
                // A random start, as a person's join has: without it the runs kept in step with
                // A's camera (how a run ends depends on A's frame times), and at 15 fps the
                // previous build's p90 read 56 ms where a random start gives 93.
                Thread.sleep(random.nextInt(STAGGER_MS));
                long t0 = System.nanoTime();
                runStart = t0;
                if (webrtcLog != null) {
                    Logging.info("carrel: run " + run + " join sent");
                }
                b.join(room, null).get(15, TimeUnit.SECONDS);
                long tJoined = System.nanoTime();
                long tFrame = frame.get(20, TimeUnit.SECONDS);
                long tUp = up.get(20, TimeUnit.SECONDS);
                b.removeListener(watch);
                b.setVideoSink(aId, null);
                boolean measured = run >= warmup;
                if (measured) {
                    joined.recordNanos(tJoined - t0);
                    connected.recordNanos(tUp - t0);
                    firstFrame.recordNanos(tFrame - t0);
                }
                System.out.printf("run %2d%s: joined %.0f ms, connected %.0f ms, first frame %.0f ms%n", run,
                        measured ? "" : " (warm-up)", (tJoined - t0) / 1e6, (tUp - t0) / 1e6, (tFrame - t0) / 1e6);
                b.leave().get(15, TimeUnit.SECONDS);
                awaitAlone(a, Duration.ofSeconds(15));
            }
        }
        System.out.printf("RESULT call-setup" + (hall ? " hall" : "") + " runs=%d %s " + pattern + ": first frame %s%n  joined reply %s%n  connected %s%n",
                runs, options.size + "@" + options.fps, firstFrame.summary(), joined.summary(), connected.summary());
        System.out.println("native library copies left in " + System.getProperty("java.io.tmpdir") + ": "
                + ClientOptions.nativeCopiesLeft());
        return 0;
    }

    private void logWebrtc(Path file) throws java.io.IOException {
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(file), true);
        // The sink is called on libwebrtc's threads: it must never throw into native code.
        Logging.addLogSink(Logging.Severity.INFO, (severity, message) -> {
            try {
                out.printf("%8.1f %s", (System.nanoTime() - runStart) / 1e6, message.endsWith("\n") ? message : message + "\n");
            } catch (RuntimeException e) {
                // a log line lost: nothing to do from a native thread
            }
        });
    }

    /** A has seen B leave (its connection is gone), so the next run starts from the same state. */
    private static void awaitAlone(CallEngine a, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!a.peers().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("A still sees " + a.peers() + " after " + limit);
            }
            Thread.sleep(20); // polling A's state with a deadline; the engine offers no peer-count wait
        }
    }
}

package app.carrel.bench.client;

import app.carrel.bench.ServerProcess;
import app.carrel.client.call.CallConfig;
import app.carrel.client.call.CallEngine;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.CameraPattern;
import app.carrel.client.media.MediaFactory;
import app.carrel.client.media.NativeLibrary;
import app.carrel.client.media.VideoFormat;
import java.awt.Color;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the call benchmarks (a picocli mixin): the server and the camera format. */
public final class ClientOptions {
    static final int[] COLORS = {0x3B82F6, 0xEF4444, 0x22C55E, 0xF59E0B, 0xA855F7, 0x14B8A6};

    @Option(names = "--server-jar", defaultValue = "signaling-server/target/carrel-server.jar",
            description = "The carrel-server.jar to run (default: ${DEFAULT-VALUE})")
    Path serverJar;

    @Option(names = "--work-dir", defaultValue = "bench/target/work", description = "Database and server logs")
    Path workDir;

    @Option(names = "--size", defaultValue = "640x480", description = "Synthetic camera size, WxH")
    String size;

    @Option(names = "--fps", defaultValue = "30", description = "Synthetic camera frame rate")
    int fps;

    ServerProcess startServer() throws Exception {
        ServerProcess server = ServerProcess.start(serverJar, List.of("-Xmx256m"), List.of("--max-capacity", "8"), workDir);
        System.out.printf("server pid %d at %s%n", server.pid(), server.uri());
        return server;
    }

    VideoFormat format() {
        String[] wh = size.toLowerCase().split("x");
        return new VideoFormat(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), fps);
    }

    /** An engine with headless audio (no sound server here) and the synthetic camera's flat picture. */
    CallEngine engine(URI server, String name, int index) {
        return engine(server, name, index, CameraPattern.FLAT);
    }

    /** Likewise, with the synthetic camera showing {@code pattern}. */
    CallEngine engine(URI server, String name, int index, CameraPattern pattern) {
        NativeLibrary.prepare();
        CallConfig config = CallConfig.builder(server, name)
                .format(format())
                .syntheticColor(new Color(COLORS[index % COLORS.length]))
                .syntheticPattern(pattern)
                .requestTimeout(Duration.ofSeconds(15))
                .build();
        return new CallEngine(config, MediaFactory.create(new AudioBackend(AudioBackend.Kind.HEADLESS, "benchmark")));
    }

    /** Copies of the native library left in java.io.tmpdir (there must be none after a run). */
    static int nativeCopiesLeft() {
        return NativeLibrary.copiesIn(NativeLibrary.tempDir()).size();
    }
}

package app.carrel.client.call;

import app.carrel.client.Await;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.MediaFactory;
import app.carrel.client.media.VideoFormat;
import app.carrel.server.CarrelServer;
import app.carrel.server.ServerConfig;
import java.awt.Color;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;

/**
 * A real server on a loopback port over a temp-file database, and engines talking to it. Engines
 * ask {@link #uri()} on each reconnect, so a restarted server (new port) is found again.
 * {@code serverOptions} adds to the server's configuration (e.g. TLS); {@code trust} is what the
 * engines trust for wss:// (null: the JVM's trust store).
 */
final class CallFixture implements AutoCloseable {

    static final VideoFormat SMALL = new VideoFormat(320, 240, 15);
    // Synthetic camera colours: a peer's decoded colour says whose video it is.
    static final int RED = 0xE02020;
    static final int GREEN = 0x20C040;
    static final int BLUE = 0x2040E0;
    static final Duration LIMIT = Duration.ofSeconds(15);

    private final Path database;
    private final UnaryOperator<ServerConfig.Builder> serverOptions;
    private final SSLContext trust;
    private final AtomicReference<URI> uri = new AtomicReference<>();
    private final List<CallEngine> engines = new ArrayList<>();
    private CarrelServer server;

    CallFixture(Path dir) {
        this(dir, UnaryOperator.identity(), null);
    }

    CallFixture(Path dir, UnaryOperator<ServerConfig.Builder> serverOptions, SSLContext trust) {
        this.database = dir.resolve("carrel.db");
        this.serverOptions = serverOptions;
        this.trust = trust;
        startServer();
    }

    void startServer() {
        server = CarrelServer.start(serverOptions.apply(ServerConfig.builder()
                .bind("127.0.0.1")
                .port(0)
                .database(database)
                .maxCapacity(8)
                .resumeGrace(Duration.ofSeconds(30)))
                .build());
        uri.set(server.uri());
    }

    void stopServer() {
        server.close();
    }

    URI uri() {
        return uri.get();
    }

    CallEngine engine(String name, int rgb, EventRecorder recorder) {
        return engine(name, rgb, recorder, new AudioBackend(AudioBackend.Kind.HEADLESS, "test"));
    }

    CallEngine engine(String name, int rgb, EventRecorder recorder, AudioBackend audio) {
        return engine(name, rgb, recorder, audio, config -> { });
    }

    /** An engine whose configuration the test adjusts beyond the fixture's defaults. */
    CallEngine engine(String name, int rgb, EventRecorder recorder, AudioBackend audio,
                      Consumer<CallConfig.Builder> adjust) {
        return engine(uri::get, name, rgb, recorder, audio, adjust);
    }

    /** An engine that finds the server where {@code server} says (a test can send it astray). */
    CallEngine engine(Supplier<URI> server, String name, int rgb, EventRecorder recorder, AudioBackend audio,
                      Consumer<CallConfig.Builder> adjust) {
        CallConfig.Builder builder = CallConfig.builder(server, name)
                .format(SMALL)
                .syntheticColor(new Color(rgb))
                .reconnectMaxDelay(Duration.ofSeconds(1))
                .trust(trust);
        adjust.accept(builder);
        CallConfig config = builder.build();
        CallEngine engine = new CallEngine(config, MediaFactory.create(audio));
        engine.addListener(recorder);
        engines.add(engine);
        return engine;
    }

    String createRoom(CallEngine engine, String name, int capacity) throws Exception {
        return engine.createRoom(name, capacity, null).get(LIMIT.toSeconds(), TimeUnit.SECONDS).id();
    }

    /** A new room created by the first engine, then joined by all of them in order; its id. */
    String joinedTogether(String roomName, int capacity, CallEngine... engines) throws Exception {
        String room = createRoom(engines[0], roomName, capacity);
        for (CallEngine engine : engines) {
            join(engine, room);
        }
        return room;
    }

    JoinedRoom join(CallEngine engine, String roomId) throws Exception {
        return engine.join(roomId, null).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Waits until {@code at} has decoded {@code frames} camera frames from {@code from}. Polled:
     * frames arrive continuously and the engine reports no event per frame.
     */
    static void awaitFrames(CallEngine at, String from, long frames) {
        Await.until(frames + " frames from " + from, LIMIT,
                () -> at.videoReception(from, VideoKind.CAMERA).frames() >= frames,
                () -> "(have " + at.videoReception(from, VideoKind.CAMERA) + ")");
    }

    @Override
    public void close() {
        for (CallEngine engine : engines) {
            engine.close();
        }
        server.close();
    }
}

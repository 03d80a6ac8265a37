package app.carrel.client.bot;

import app.carrel.client.call.CallConfig;
import app.carrel.client.call.CallEngine;
import app.carrel.client.call.CallListener;
import app.carrel.client.call.PeerStats;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.MediaFactory;
import app.carrel.client.media.VideoFormat;
import app.carrel.client.signaling.ServerTrust;
import app.carrel.client.signaling.SignalingException;
import app.carrel.protocol.Room;
import java.awt.Color;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * carrel-bot: a headless participant with the synthetic camera, for demos, load tests and for a
 * person to have someone to call. Exit 0 after a clean leave; 1 when it cannot connect; 2 when
 * the server refuses the join (room-full, wrong-password, …).
 */
@Command(name = "carrel-bot", mixinStandardHelpOptions = true, version = "carrel-bot 0.1",
        description = "Joins a Carrel room with a synthetic camera.")
public final class CarrelBot implements Callable<Integer> {

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

    @Option(names = "--server", defaultValue = "ws://127.0.0.1:7000/signal", description = "Server URL (ws:// or wss://).")
    URI server;
    @Option(names = "--name", defaultValue = "carrel-bot", description = "Display name.")
    String name;
    @Option(names = "--room", required = true, description = "Room id, or the name of a room.")
    String room;
    @Option(names = "--create", description = "Create the room when no room has that name.")
    boolean create;
    @Option(names = "--capacity", description = "Capacity of a created room.")
    Integer capacity;
    @Option(names = "--password", description = "Room password.")
    String password;
    @Option(names = "--color", defaultValue = "3B82F6", description = "Synthetic camera colour, RRGGBB.")
    String color;
    @Option(names = "--duration", description = "Seconds to stay; default until SIGINT/SIGTERM.")
    Integer duration;
    @Option(names = "--stats-every", description = "Print stats every N seconds.")
    Integer statsEvery;
    @Option(names = "--json", description = "Stats as one JSON object per line.")
    boolean json;
    @Option(names = "--share-screen", description = "Share the whole screen (needs DISPLAY).")
    boolean shareScreen;
    @Option(names = "--size", defaultValue = "640x480", description = "Synthetic camera size, WxH.")
    String size;
    @Option(names = "--fps", defaultValue = "30", description = "Synthetic camera frame rate.")
    int fps;
    @Option(names = "--trust-cert", paramLabel = "PEM", description = "Trust the certificate(s) in this PEM file for"
            + " wss:// (a self-hosted server's own certificate) instead of the JVM's trust store.")
    Path trustCert;
    @Option(names = "--tone", description = "Send a soft tone in speech-like bursts as our microphone"
            + " (incoming audio is then neither played nor metered).")
    boolean tone;

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch left = new CountDownLatch(1);

    public static void main(String[] args) {
        int code = new CommandLine(new CarrelBot()).execute(args);
        System.exit(code);
    }

    @Override
    public Integer call() throws Exception {
        Color camera;
        VideoFormat format;
        try {
            camera = new Color(Integer.parseInt(color, 16));
            String[] wh = size.toLowerCase().split("x");
            format = new VideoFormat(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), fps);
        } catch (RuntimeException e) {
            System.err.println("carrel-bot: bad --color or --size/--fps: " + e.getMessage());
            return 64;
        }
        SSLContext trust = null;
        if (trustCert != null) {
            try {
                trust = ServerTrust.fromPem(trustCert);
            } catch (IOException | GeneralSecurityException e) {
                System.err.println("carrel-bot: bad --trust-cert " + trustCert + ": " + e.getMessage());
                return 64;
            }
        }
        CallConfig config = CallConfig.builder(server, name).format(format).syntheticColor(camera).trust(trust).build();
        CallEngine engine = tone
                ? new CallEngine(config, MediaFactory.create(AudioBackend.synthetic("--tone")))
                : CallEngine.create(config);
        Runtime.getRuntime().addShutdownHook(new Thread(this::onSignal, "carrel-bot-shutdown"));
        AtomicReference<String> ended = new AtomicReference<>();
        engine.addListener(new CallListener() {
            @Override
            public void onRoomEnded(String reason) { // the server would not seat us again
                ended.set(reason);
                stop.countDown();
            }
        });
        try {
            String roomId;
            try {
                engine.connect().get(15, TimeUnit.SECONDS);
                roomId = resolveRoom(engine);
                engine.join(roomId, password).get(15, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                Throwable cause = SignalingException.unwrap(e);
                boolean refused = cause instanceof SignalingException s && s.code() != null;
                String reason = cause instanceof SignalingException s ? s.reason() : String.valueOf(cause);
                System.err.println("carrel-bot: cannot join: " + reason);
                return refused ? 2 : 1;
            }
            System.err.println("carrel-bot: joined room " + roomId + " as " + engine.selfId()
                    + " (audio: " + engine.audioBackend().kind() + ")");
            if (shareScreen) {
                engine.startScreenShare().get(10, TimeUnit.SECONDS);
            }
            runUntilStopped(engine);
            if (ended.get() != null) {
                System.err.println("carrel-bot: out of the room: " + ended.get());
                return 3;
            }
            engine.leave().get(10, TimeUnit.SECONDS);
            System.err.println("carrel-bot: left cleanly");
            return 0;
        } finally {
            engine.close();
            left.countDown();
        }
    }

    private String resolveRoom(CallEngine engine) throws Exception {
        if (UUID.matcher(room).matches()) {
            return room;
        }
        List<Room> rooms = engine.listRooms().get(10, TimeUnit.SECONDS);
        Optional<Room> named = rooms.stream().filter(r -> r.name().equals(room.strip())).findFirst();
        if (named.isPresent()) {
            return named.get().id();
        }
        if (!create) {
            throw new ExecutionException(new SignalingException(app.carrel.protocol.ErrorCode.ROOM_NOT_FOUND,
                    "No room named '" + room + "' (use --create)"));
        }
        return engine.createRoom(room, capacity, password).get(10, TimeUnit.SECONDS).id();
    }

    private void runUntilStopped(CallEngine engine) throws Exception {
        // Times are counted from the start: "now + forever" overflowed, and --duration without
        // --stats-every then never ended.
        long start = System.nanoTime();
        long end = duration == null ? Long.MAX_VALUE : TimeUnit.SECONDS.toNanos(duration);
        long every = statsEvery == null ? Long.MAX_VALUE : TimeUnit.SECONDS.toNanos(statsEvery);
        long next = every;
        while (true) {
            long wait = Math.min(end, next) - (System.nanoTime() - start);
            if (wait > 0 && stop.await(wait, TimeUnit.NANOSECONDS)) {
                return;
            }
            long elapsed = System.nanoTime() - start;
            if (elapsed >= end) {
                return;
            }
            if (elapsed >= next) {
                List<PeerStats> stats = engine.stats().get(10, TimeUnit.SECONDS);
                System.out.println(json ? BotReport.json(engine, stats) : BotReport.text(engine, stats));
                System.out.flush();
                next += every;
            }
        }
    }

    /** SIGINT/SIGTERM: let the main thread leave cleanly, then end with status 0. */
    private void onSignal() {
        if (left.getCount() == 0) {
            return; // normal exit: main already left
        }
        stop.countDown();
        try {
            if (left.await(15, TimeUnit.SECONDS)) {
                System.out.flush();
                Runtime.getRuntime().halt(0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

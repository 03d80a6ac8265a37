package app.carrel.client.bot;

import app.carrel.client.call.CallConfig;
import app.carrel.client.call.CallEngine;
import app.carrel.client.call.CallListener;
import app.carrel.client.call.PeerStats;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.CameraPattern;
import app.carrel.client.media.MediaFactory;
import app.carrel.client.media.VideoFormat;
import app.carrel.client.signaling.ServerTrust;
import app.carrel.client.signaling.SignalingException;
import app.carrel.protocol.Room;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
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
 * person to have someone to call; with --count, several participants in one process. Exit 0 after
 * a clean leave; 1 when it cannot connect; 2 when the server refuses the join (room-full,
 * wrong-password, …); 3 when the server would not seat a bot again after an outage.
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
    @Option(names = "--join-code-file", paramLabel = "FILE", description = "File holding the server's join code"
            + " (first line), for a server started with --join-code-file.")
    Path joinCodeFile;
    @Option(names = "--tone", description = "Send a soft tone in speech-like bursts as our microphone"
            + " (incoming audio is then neither played nor metered).")
    boolean tone;

    @Option(names = "--count", defaultValue = "1", description = "Run N participants in this one process, named"
            + " NAME-1 to NAME-N, their colours spread round the hue circle from --color.")
    int count;
    @Option(names = "--pattern", defaultValue = "flat", description = "Synthetic camera picture: flat (cheap to"
            + " encode, ~150 kbps at 640x480@30) or detail (texture, motion and grain: what a real camera costs).")
    String pattern;
    @Option(names = "--goal", description = "Session goal shown under the name (docs/protocol.md §13), at most"
            + " 140 characters; with --count every bot has it.")
    String goal;

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch left = new CountDownLatch(1);
    private final PrintStream out;

    public CarrelBot() {
        this(System.out);
    }

    /** Reports go to {@code out} (tests read them). */
    CarrelBot(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        int code = new CommandLine(new CarrelBot()).execute(args);
        System.exit(code);
    }

    @Override
    public Integer call() throws Exception {
        Color camera;
        VideoFormat format;
        CameraPattern picture;
        try {
            camera = new Color(Integer.parseInt(color, 16));
            String[] wh = size.toLowerCase().split("x");
            format = new VideoFormat(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), fps);
            picture = CameraPattern.of(pattern);
        } catch (RuntimeException e) {
            System.err.println("carrel-bot: bad --color, --size/--fps or --pattern: " + e.getMessage());
            return 64;
        }
        if (count < 1) {
            System.err.println("carrel-bot: --count must be at least 1");
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
        SSLContext tls = trust;
        String joinCode = null;
        if (joinCodeFile != null) {
            try {
                joinCode = Files.readString(joinCodeFile).lines().findFirst().orElse("").strip();
            } catch (IOException e) {
                System.err.println("carrel-bot: cannot read --join-code-file " + joinCodeFile + ": " + e.getMessage());
                return 64;
            }
        }
        String code = joinCode;
        MediaFactory media = tone ? MediaFactory.create(AudioBackend.synthetic("--tone")) : MediaFactory.createForSystem();
        Runtime.getRuntime().addShutdownHook(new Thread(this::onSignal, "carrel-bot-shutdown"));
        AtomicReference<String> ended = new AtomicReference<>();
        try (BotCrowd crowd = new BotCrowd(media, name, camera, count, (own, colour) -> CallConfig.builder(server, own)
                .format(format).syntheticColor(colour).syntheticPattern(picture).trust(tls).joinCode(code).build())) {
            List<Bot> bots = crowd.bots();
            for (Bot bot : bots) {
                bot.engine().addListener(new ShowEveryone(bot.engine()));
                bot.engine().addListener(new CallListener() {
                    @Override
                    public void onRoomEnded(String reason) { // the server would not seat us again
                        ended.compareAndSet(null, bot.name() + ": " + reason);
                        stop.countDown();
                    }
                });
            }
            Integer refused = join(bots);
            if (refused != null) {
                return refused;
            }
            if (shareScreen) {
                bots.get(0).engine().startScreenShare().get(10, TimeUnit.SECONDS);
            }
            runUntilStopped(bots);
            if (ended.get() != null) {
                System.err.println("carrel-bot: out of the room: " + ended.get());
                return 3;
            }
            for (Bot bot : bots) {
                bot.engine().leave().get(10, TimeUnit.SECONDS);
            }
            System.err.println("carrel-bot: left cleanly");
            return 0;
        } finally {
            left.countDown();
        }
    }

    /** Leaves in the middle of a run, as SIGINT does (tests). */
    void stop() {
        stop.countDown();
    }

    /** Joins every bot, one after the other; null when all are in, else the exit status. */
    private Integer join(List<Bot> bots) throws Exception {
        String roomId = null;
        for (Bot bot : bots) {
            CallEngine engine = bot.engine();
            try {
                engine.connect().get(15, TimeUnit.SECONDS);
                if (roomId == null) {
                    roomId = resolveRoom(engine);
                }
                engine.join(roomId, password, goal).get(15, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                Throwable cause = SignalingException.unwrap(e);
                boolean refused = cause instanceof SignalingException s && s.code() != null;
                String reason = cause instanceof SignalingException s ? s.reason() : String.valueOf(cause);
                System.err.println("carrel-bot: " + bot.name() + " cannot join: " + reason);
                return refused ? 2 : 1;
            }
            bot.uplink().joined();
            System.err.println("carrel-bot: " + bot.name() + " joined room " + roomId + " as " + engine.selfId()
                    + " (audio: " + engine.audioBackend().kind() + ")");
        }
        return null;
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

    private void runUntilStopped(List<Bot> bots) throws Exception {
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
                List<List<PeerStats>> stats = new ArrayList<>();
                for (Bot bot : bots) {
                    List<PeerStats> sample = bot.engine().stats().get(10, TimeUnit.SECONDS);
                    bot.uplink().sample(bot.engine().traffic().get(10, TimeUnit.SECONDS));
                    stats.add(sample);
                }
                out.println(json ? BotReport.json(bots, stats) : BotReport.text(bots, stats));
                out.flush();
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
                out.flush();
                Runtime.getRuntime().halt(0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

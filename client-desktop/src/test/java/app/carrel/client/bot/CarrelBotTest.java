package app.carrel.client.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.Await;
import app.carrel.client.NoLeaksExtension;
import app.carrel.client.TestCertificate;
import app.carrel.client.call.CallConfig;
import app.carrel.client.call.CallEngine;
import app.carrel.client.call.CallListener;
import app.carrel.client.call.VideoKind;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.FrameColor;
import app.carrel.client.media.MediaFactory;
import app.carrel.client.media.VideoFormat;
import app.carrel.client.signaling.ServerTrust;
import app.carrel.protocol.Peer;
import app.carrel.server.CarrelServer;
import app.carrel.server.ServerConfig;
import app.carrel.server.hall.HallConfig;
import app.carrel.server.janus.LocalJanus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** carrel-bot in this JVM against a wss:// server with a self-signed certificate. */
@ExtendWith(NoLeaksExtension.class)
class CarrelBotTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final int ORANGE = 0xFF8000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void withTrustCertTheBotJoinsAWssServerAndIsSeenAndHeard() throws Exception {
        TestCertificate cert = TestCertificate.selfSigned(dir, "bot-server");
        try (CarrelServer server = CarrelServer.start(ServerConfig.builder().bind("127.0.0.1").port(0)
                .database(dir.resolve("carrel.db")).tls(cert.certPem(), cert.keyPem()).build())) {
            AtomicReference<String> botId = new AtomicReference<>();
            AtomicReference<Double> loudest = new AtomicReference<>(0.0);
            CallConfig config = CallConfig.builder(server.uri(), "viewer").format(new VideoFormat(320, 240, 15))
                    .trust(ServerTrust.fromPem(cert.certPem())).build();
            try (CallEngine viewer = new CallEngine(config,
                    MediaFactory.create(new AudioBackend(AudioBackend.Kind.HEADLESS, "test")))) {
                viewer.addListener(new CallListener() {
                    @Override
                    public void onPeerJoined(Peer peer) {
                        botId.set(peer.id());
                    }

                    @Override
                    public void onAudioLevel(String peerId, double level) {
                        loudest.accumulateAndGet(level, Math::max);
                    }
                });
                String room = viewer.createRoom("Bots", 2, null).get(10, TimeUnit.SECONDS).id();
                viewer.join(room, null).get(10, TimeUnit.SECONDS);

                CompletableFuture<Integer> exit = runBot("--server", server.uri().toString(),
                        "--trust-cert", cert.certPem().toString(), "--room", "Bots", "--name", "bot",
                        "--color", Integer.toHexString(ORANGE), "--size", "320x240", "--fps", "15",
                        "--tone", "--duration", "4");
                Await.until("the bot to join", LIMIT, () -> botId.get() != null || exit.isDone());
                String id = botId.get();
                Await.until("the bot's video and voice", LIMIT,
                        () -> viewer.videoReception(id, VideoKind.CAMERA).frames() >= 10 && loudest.get() > 0.05,
                        () -> viewer.videoReception(id, VideoKind.CAMERA) + " loudest " + loudest.get());
                int seen = viewer.videoReception(id, VideoKind.CAMERA).avgRgb();
                System.out.printf("CarrelBotTest: bot over %s seen as #%s, heard at level %.3f%n",
                        server.uri(), FrameColor.hex(seen), loudest.get());
                assertTrue(FrameColor.distance(seen, ORANGE) < 80, "the bot's camera colour, saw #" + FrameColor.hex(seen));
                assertEquals(0, exit.get(20, TimeUnit.SECONDS), "carrel-bot exit status after --duration");
            }
        }
    }

    @Test
    void withoutTrustCertTheBotRefusesTheSelfSignedServerAndExitsOne() throws Exception {
        TestCertificate cert = TestCertificate.selfSigned(dir, "bot-untrusted");
        try (CarrelServer server = CarrelServer.start(ServerConfig.builder().bind("127.0.0.1").port(0)
                .database(dir.resolve("carrel.db")).tls(cert.certPem(), cert.keyPem()).build())) {
            int status = runBot("--server", server.uri().toString(), "--room", "Bots", "--create",
                    "--size", "160x120", "--fps", "5").get(20, TimeUnit.SECONDS);
            assertEquals(1, status, "carrel-bot exit status when the server cannot be trusted");
        }
    }

    @Test
    void withCountThreeOneProcessSeatsThreeBotsWhoSeeEachOtherInTheirOwnColours() throws Exception {
        try (CarrelServer server = CarrelServer.start(ServerConfig.builder().bind("127.0.0.1").port(0)
                .database(dir.resolve("carrel.db")).build())) {
            threeBotsSeeEachOther(server, 3, "mesh");
        }
    }

    /** The same in a study hall: the report has one peers entry per participant whatever the transport. */
    @Test
    void inAHallThreeBotsSeeEachOtherThroughJanus() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (LocalJanus janus = LocalJanus.start(dir.resolve("janus"), port, "bot-secret", "25000-25099",
                Duration.ofSeconds(20));
             CarrelServer server = CarrelServer.start(ServerConfig.builder().bind("127.0.0.1").port(0)
                     .database(dir.resolve("carrel.db")).maxCapacity(10)
                     .halls(new HallConfig(List.of(janus.uri()), "bot-secret", HallConfig.DEFAULT_BITRATE)).build())) {
            threeBotsSeeEachOther(server, 6, "sfu");
        }
    }

    private void threeBotsSeeEachOther(CarrelServer server, int capacity, String transport) throws Exception {
        ReportLines lines = new ReportLines();
        CarrelBot bot = new CarrelBot(lines.stream());
        CompletableFuture<Integer> exit = runBot(bot, "--server", server.uri().toString(), "--room", "Trio",
                "--create", "--capacity", String.valueOf(capacity), "--count", "3", "--name", "trio", "--color", "FF0000",
                "--size", "160x120", "--fps", "10", "--tone", "--stats-every", "1", "--json");
        // Red's hue, then a third and two thirds of the way round the circle.
        Map<String, Integer> colours = Map.of("trio-1", 0xFF0000, "trio-2", 0x00FF00, "trio-3", 0x0000FF);
        JsonNode report = null;
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (report == null || !everyoneSeesTheOthers(report)) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            assertTrue(!left.isNegative() && !exit.isDone(), "three bots seeing each other's video; last report "
                    + report + (exit.isDone() ? ", bot exited " + exit.join() : ""));
            report = JSON.readTree(lines.next("a report of three bots", left));
        }
        System.out.println("CarrelBotTest --count 3: " + report);

        JsonNode bots = report.get("bots");
        assertEquals(3, bots.size(), "one entry per bot");
        Set<String> selves = new HashSet<>();
        for (JsonNode entry : bots) {
            String name = entry.get("name").asText();
            selves.add(entry.get("self").asText());
            assertEquals(transport, entry.get("transport").asText(), name + "'s transport");
            assertTrue(entry.get("uplinkKbps").asLong() > 0, name + " sends video: " + entry);
            Set<String> seen = new HashSet<>();
            for (JsonNode peer : entry.get("peers")) {
                String other = peer.get("name").asText();
                seen.add(other);
                int colour = Integer.parseInt(peer.get("avgColor").asText(), 16);
                assertTrue(FrameColor.distance(colour, colours.get(other)) < 80,
                        name + " sees " + other + " as #" + peer.get("avgColor").asText());
            }
            Set<String> others = new HashSet<>(colours.keySet());
            others.remove(name);
            assertEquals(others, seen, name + " sees the other two");
        }
        assertEquals(3, selves.size(), "three participants, not one seen thrice");
        bot.stop();
        assertEquals(0, exit.get(20, TimeUnit.SECONDS), "carrel-bot exit status after leaving cleanly");
    }

    private static boolean everyoneSeesTheOthers(JsonNode report) {
        JsonNode bots = report.get("bots");
        if (bots == null || bots.size() != 3) {
            return false;
        }
        for (JsonNode entry : bots) {
            if (entry.get("peers").size() != 2) {
                return false;
            }
            for (JsonNode peer : entry.get("peers")) {
                if (peer.get("avgColor").isNull() || peer.get("framesDecoded").asLong() < 5) {
                    return false;
                }
            }
        }
        return true;
    }

    private static CompletableFuture<Integer> runBot(String... args) {
        return runBot(new CarrelBot(), args);
    }

    private static CompletableFuture<Integer> runBot(CarrelBot carrelBot, String... args) {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread bot = new Thread(() -> exit.complete(new CommandLine(carrelBot).execute(args)), "test-carrel-bot");
        bot.start();
        return exit;
    }
}

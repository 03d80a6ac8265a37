package app.carrel.client.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.Await;
import app.carrel.client.NoLeaksExtension;
import app.carrel.client.call.CallConfig;
import app.carrel.client.call.CallEngine;
import app.carrel.client.call.CallListener;
import app.carrel.client.call.VideoKind;
import app.carrel.client.call.VideoReception;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.FrameColor;
import app.carrel.client.media.MediaFactory;
import app.carrel.client.media.NativeLibrary;
import app.carrel.client.media.VideoFormat;
import app.carrel.protocol.Peer;
import app.carrel.server.CarrelServer;
import app.carrel.server.ServerConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Screen share under Xvfb: a carrel-bot subprocess on its own display paints the screen and
 * shares it; the in-process engine must receive frames of that screen. A JVM needs DISPLAY at
 * launch, hence the subprocess. Skipped (visibly) where Xvfb is missing.
 */
@ExtendWith(NoLeaksExtension.class)
class ScreenShareTest {

    private static final int SCREEN_RGB = 0xF0A000;
    private static final int SCREEN_W = 640;
    private static final int SCREEN_H = 360;
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void receiversGetFramesOfTheSharedScreen() throws Exception {
        Path xvfb = Path.of("/usr/bin/Xvfb");
        Assumptions.assumeTrue(Files.isExecutable(xvfb), "Xvfb is not installed: screen share not tested");
        Process display = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-nolisten", "tcp",
                "-screen", "0", SCREEN_W + "x" + SCREEN_H + "x24")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Process bot = null;
        Path subTmp = dir.resolve("sub-tmp");
        try (CarrelServer server = CarrelServer.start(ServerConfig.builder().bind("127.0.0.1").port(0)
                .database(dir.resolve("carrel.db")).build())) {
            String number = readDisplayNumber(display);
            Files.createDirectories(subTmp);
            AtomicReference<String> sharerId = new AtomicReference<>();
            CallConfig config = CallConfig.builder(server.uri(), "viewer").format(new VideoFormat(320, 240, 15)).build();
            try (CallEngine viewer = new CallEngine(config,
                    MediaFactory.create(new AudioBackend(AudioBackend.Kind.HEADLESS, "test")))) {
                viewer.addListener(new CallListener() {
                    @Override
                    public void onPeerJoined(Peer peer) {
                        sharerId.set(peer.id());
                    }
                });
                String room = viewer.createRoom("Screens", 4, null).get(10, TimeUnit.SECONDS).id();
                viewer.join(room, null).get(10, TimeUnit.SECONDS);

                bot = startBot(number, subTmp, server.uri().toString(), room);
                Process running = bot;
                Await.until("the sharer to join", LIMIT, () -> sharerId.get() != null || !running.isAlive());
                assertTrue(bot.isAlive(), "carrel-bot ended early with status " + (bot.isAlive() ? "" : bot.exitValue()));
                String id = sharerId.get();
                Await.until("screen frames from the sharer", LIMIT,
                        () -> viewer.videoReception(id, VideoKind.SCREEN).frames() >= 10,
                        () -> viewer.videoReception(id, VideoKind.SCREEN).toString());
                VideoReception screen = viewer.videoReception(id, VideoKind.SCREEN);
                System.out.println("ScreenShareTest: screen reception " + screen + " #" + FrameColor.hex(screen.avgRgb()));
                assertEquals((double) SCREEN_W / SCREEN_H, (double) screen.width() / screen.height(), 0.05,
                        "screen frames have the display's shape, not the camera's");
                assertTrue(FrameColor.distance(screen.avgRgb(), SCREEN_RGB) < 60,
                        "screen frames show the painted colour, saw #" + FrameColor.hex(screen.avgRgb()));
                assertTrue(viewer.videoReception(id, VideoKind.CAMERA).frames() > 0, "the camera still flows");
                assertTrue(viewer.peers().stream().anyMatch(p -> p.id().equals(id) && p.screen()),
                        "media-state says the sharer shares its screen");

                bot.destroy(); // SIGTERM: the bot leaves cleanly and exits 0
                assertTrue(bot.waitFor(20, TimeUnit.SECONDS), "carrel-bot did not stop on SIGTERM");
                assertEquals(0, bot.exitValue(), "carrel-bot exit status after SIGTERM");
            }
        } finally {
            if (bot != null) {
                bot.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            display.destroy();
            if (!display.waitFor(10, TimeUnit.SECONDS)) {
                display.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        List<Path> leftovers = NativeLibrary.copiesIn(subTmp);
        assertTrue(leftovers.isEmpty(), "the subprocess left native library copies: " + leftovers);
    }

    private static String readDisplayNumber(Process display) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(display.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (Exception e) {
                return null;
            }
        }).get(15, TimeUnit.SECONDS);
        Assumptions.assumeTrue(line != null && !line.isBlank(), "Xvfb did not start: no display to share");
        return line.strip();
    }

    private static Process startBot(String display, Path tmp, String server, String room) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), PaintedScreenBot.class.getName(),
                Integer.toHexString(SCREEN_RGB), Integer.toString(SCREEN_W), Integer.toString(SCREEN_H),
                "--server", server, "--room", room, "--name", "sharer", "--share-screen",
                "--size", "160x120", "--fps", "10");
        builder.environment().put("DISPLAY", ":" + display);
        builder.environment().put("CARREL_HEADLESS_AUDIO", "1");
        builder.redirectErrorStream(true).redirectOutput(tmp.getParent().resolve("bot.log").toFile());
        return builder.start();
    }
}

package app.carrel.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.carrel.client.history.FocusHistory;
import app.carrel.client.media.NativeLibrary;
import app.carrel.client.settings.SettingsModel;
import app.carrel.client.settings.SettingsStore;
import app.carrel.server.CarrelServer;
import app.carrel.server.ServerConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real server the window tests talk to: in this JVM, on a loopback port, over a database in a
 * temp folder of its own, started before a test class and closed after it (register it as a static
 * field: {@code @RegisterExtension static final ShellServer server = new ShellServer("prefix");}).
 * It can stop and start again on the same port and database (an outage). It opens the app's window
 * against itself. Closing it also checks that every engine the window made has ended, leaving no
 * native copies.
 */
final class ShellServer implements BeforeAllCallback, AfterAllCallback {

    private final String prefix;
    private Path dir;
    private CarrelServer server;

    ShellServer(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        // java.io.tmpdir points into target/ and exists only once the native library was loaded.
        NativeLibrary.prepare();
        dir = Files.createTempDirectory(prefix);
        startOn(0);
    }

    URI uri() {
        return server.uri();
    }

    /** The folder the database is in; tests may keep their own files beside it. */
    Path dir() {
        return dir;
    }

    /** Stops the server (the clients see an outage) and says which port it had. */
    int stop() {
        int port = server.port();
        server.close();
        return port;
    }

    /** Starts again on {@code port} (0: any) over the same database. */
    void startOn(int port) {
        server = CarrelServer.start(ServerConfig.builder()
                .bind("127.0.0.1").port(port).database(dir.resolve("carrel.db")).build());
    }

    /**
     * The app's window as a person gets it, in a config folder of its own (settings, focus
     * history), and the headless people the test brought in; closing it closes both.
     */
    final class Window implements AutoCloseable {
        private final Path configDir;
        private final SettingsModel settings;
        private final Shell shell;
        private final List<HeadlessPeer> peers = new ArrayList<>();

        private Window(Path configDir, SettingsModel settings, Shell shell) {
            this.configDir = configDir;
            this.settings = settings;
            this.shell = shell;
        }

        Path configDir() {
            return configDir;
        }

        SettingsModel settings() {
            return settings;
        }

        Shell shell() {
            return shell;
        }

        /** A headless person on this server, closed with the window. */
        HeadlessPeer peer(String name, int rgb) {
            return closedWithWindow(new HeadlessPeer(uri(), name, rgb));
        }

        HeadlessPeer closedWithWindow(HeadlessPeer peer) {
            peers.add(peer);
            return peer;
        }

        @Override
        public void close() throws Exception {
            WaitForAsyncUtils.asyncFx(shell::close).get(20, TimeUnit.SECONDS);
            for (HeadlessPeer peer : peers) {
                peer.close();
            }
        }
    }

    /** On the FX thread (a TestFX {@code @Start}): the app pointed at this server, shown on {@code stage}. */
    Window openWindow(Stage stage) {
        Path configDir = dir.resolve("config-" + System.nanoTime());
        SettingsModel settings = SettingsModel.load(new SettingsStore(configDir));
        settings.setServer(uri().toString());
        Shell shell = new Shell(settings, url -> { }, configDir.resolve(FocusHistory.FILE_NAME));
        stage.setScene(new Scene(shell, 1200, 800));
        stage.show();
        return new Window(configDir, settings, shell);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        server.close();
        Await.until("engine threads to end", Duration.ofSeconds(10), () -> Thread.getAllStackTraces().keySet()
                .stream().noneMatch(t -> t.getName().startsWith("carrel-engine-") || t.getName().startsWith("carrel-synthetic")));
        assertEquals(List.of(), NativeLibrary.copiesIn(NativeLibrary.tempDir()));
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

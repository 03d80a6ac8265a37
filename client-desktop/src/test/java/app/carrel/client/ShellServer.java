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
import java.util.Comparator;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The real server the window tests talk to: in this JVM, on a loopback port, over a database in a
 * temp folder of its own. It can stop and start again on the same port and database (an outage).
 * It opens the app's window against itself. Closing it also checks that every engine the window made has ended, leaving no native copies.
 */
final class ShellServer implements AutoCloseable {

    private final Path dir;
    private CarrelServer server;

    private ShellServer(Path dir) {
        this.dir = dir;
    }

    static ShellServer start(String prefix) throws Exception {
        // java.io.tmpdir points into target/ and exists only once the native library was loaded.
        NativeLibrary.prepare();
        ShellServer shellServer = new ShellServer(Files.createTempDirectory(prefix));
        shellServer.startOn(0);
        return shellServer;
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

    /** The app's window as a person gets it, in a config folder of its own (settings, focus history). */
    record Window(Path configDir, SettingsModel settings, Shell shell) {
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
    public void close() throws Exception {
        server.close();
        Await.until("engine threads to end", Duration.ofSeconds(10), () -> Thread.getAllStackTraces().keySet()
                .stream().noneMatch(t -> t.getName().startsWith("carrel-engine-") || t.getName().startsWith("carrel-synthetic")));
        assertEquals(List.of(), NativeLibrary.copiesIn(NativeLibrary.tempDir()));
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

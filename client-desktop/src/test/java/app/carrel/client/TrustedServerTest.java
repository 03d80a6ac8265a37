package app.carrel.client;

import static app.carrel.client.WindowDriver.onFx;
import static app.carrel.client.WindowDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.settings.SettingsModel;
import app.carrel.client.settings.SettingsStore;
import app.carrel.server.CarrelServer;
import app.carrel.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A self-hosted server over wss:// with its own self-signed certificate: the window trusts it
 * through the trust-cert setting (the app's {@code --trust-cert}), in the lobby and in the call.
 */
@ExtendWith(ApplicationExtension.class)
class TrustedServerTest {

    private static Path dir;
    private static TestCertificate cert;
    private static CarrelServer server;

    private Shell shell;
    private SettingsModel settings;

    @BeforeAll
    static void startServer() throws Exception {
        app.carrel.client.media.NativeLibrary.prepare();
        dir = Files.createTempDirectory("carrel-tls-ui-test");
        cert = TestCertificate.selfSigned(dir, "carrel-ui");
        server = CarrelServer.start(ServerConfig.builder().bind("127.0.0.1").port(0)
                .database(dir.resolve("carrel.db")).tls(cert.certPem(), cert.keyPem()).build());
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Start
    void start(Stage stage) {
        settings = SettingsModel.load(new SettingsStore(dir.resolve("config-" + System.nanoTime())));
        settings.setServer(server.uri().toString());
        settings.setTrustCert(cert.certPem().toString());
        shell = new Shell(settings, url -> { }, dir.resolve("history-" + System.nanoTime() + ".sqlite"));
        stage.setScene(new Scene(shell, 1100, 720));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(shell::close).get(20, TimeUnit.SECONDS);
    }

    @Test
    void theLobbyListsRoomsOverWssAndTheCallJoinsWithTheTrustedCertificate(FxRobot robot) throws Exception {
        WindowDriver ui = new WindowDriver(robot);
        assertEquals("wss", server.uri().getScheme());
        waitFor("the lobby to connect over wss", () -> ui.text("#status-text").startsWith("Connected to wss://"));
        robot.interact(() -> shell.lobby().createRoom("Secure Study", 2, null));
        ui.waitForRoom("Secure Study", 0);
        ui.enter("Secure Study", "Tess");
        waitFor("our own tile in the room", () -> ui.tiles().size() == 1);
        robot.clickOn("#leave");
        robot.clickOn("#leave-confirm");
        ui.waitForRoom("Secure Study", 0);
    }

    @Test
    void withoutTheCertificateTheLobbySaysTheHandshakeFailed(FxRobot robot) throws Exception {
        WindowDriver ui = new WindowDriver(robot);
        waitFor("the lobby to connect over wss", () -> ui.text("#status-text").startsWith("Connected to wss://"));
        robot.interact(() -> {
            settings.setTrustCert("");
            shell.lobby().applySettings();
        });
        waitFor("the lobby to refuse the unknown certificate", () -> shell.lobby().noticeProperty().get()
                .contains("TLS handshake"));
        assertFalse(onFx(() -> shell.lobby().onlineProperty().get()), "the lobby says it is offline");
        assertTrue(onFx(() -> shell.lobby().rooms().isEmpty()), "no rooms offered from a server we cannot reach");
    }
}

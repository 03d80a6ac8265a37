package app.carrel.client;

import static app.carrel.client.WindowDriver.onFx;
import static app.carrel.client.WindowDriver.waitFor;

import app.carrel.server.CarrelServer;
import app.carrel.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real app (App, as ./carrel starts it) in a real GTK window on a virtual display
 * (src/test/xvfb/bin/java starts it, with or without a window manager), a real server on a
 * loopback port, and the steps a person takes: key presses through the X server, mouse clicks.
 */
abstract class RealWindow {

    static Path dir;
    static CarrelServer server;

    final List<BotProcess> bots = new ArrayList<>();
    final FxRobot robot = new FxRobot();
    final WindowDriver ui = new WindowDriver(robot);
    App application;
    Stage stage;

    @BeforeAll
    static void startServer() throws Exception {
        app.carrel.client.media.NativeLibrary.prepare();
        dir = Files.createTempDirectory("carrel-real-window");
        server = CarrelServer.start(ServerConfig.builder()
                .bind("127.0.0.1").port(0).database(dir.resolve("carrel.db")).build());
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @BeforeEach
    void openTheApp() throws Exception {
        System.setProperty("carrel.config.dir", dir.resolve("config-" + System.nanoTime()).toString());
        openApp();
        waitFor("the lobby to connect", () -> ui.text("#status-text").startsWith("Connected"));
        if (System.getenv("CARREL_TEST_WINDOW_MANAGER") != null) {
            // A window manager places and focuses a new window: a test's first click waits for
            // that (it once landed before, and the New room dialog never opened).
            waitFor("the window to have the focus", stage::isFocused);
        }
    }

    /**
     * The app on a stage of its own, as the launcher makes it: decorated, so the window manager
     * frames and focuses it (TestFX's primary stage is undecorated, and only toolkit start-up
     * uses it here).
     */
    void openApp() throws Exception {
        openApp(server.uri().toString());
    }

    void openApp(String serverUri) throws Exception {
        application = new App();
        WaitForAsyncUtils.asyncFx(() -> {
            stage = new Stage();
            application.start(stage, Map.of("server", serverUri), List.of());
        }).get(10, TimeUnit.SECONDS);
    }

    /** As the window's close does: stop() saves the size and ends any call, then the window goes. */
    void closeApp() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            application.stop();
            stage.hide();
        }).get(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void closeEverything() throws Exception {
        closeApp();
        for (BotProcess bot : bots) {
            bot.close();
        }
    }

    // --- steps a person takes ---

    void typeName(String name) throws Exception {
        robot.clickOn("#display-name");
        XInput.key("ctrl+a");
        XInput.type(name);
        waitFor("the name typed", () -> ui.text("#display-name").equals(name));
    }

    void selectRoomAndPressEnter(String roomName) throws Exception {
        robot.clickOn(ui.roomNameLabel(roomName));
        XInput.key("Return");
    }

    void joinFromPreJoin() throws Exception {
        waitFor("the pre-join screen to be ready", () -> robot.lookup("#prejoin-join").tryQuery()
                .map(n -> !n.isDisabled()).orElse(false));
        robot.clickOn("#prejoin-join");
    }

    /** Joins {@code roomName} (already listed) from the lobby as {@code name}: type, Enter, Join. */
    void enterRoom(String roomName, String name) throws Exception {
        typeName(name);
        selectRoomAndPressEnter(roomName);
        joinFromPreJoin();
        waitFor("the room view", () -> robot.lookup("#room-view").tryQuery().isPresent());
    }

    /** True when the label shows less than its text (JavaFX cut it with an ellipsis). */
    static boolean clipped(javafx.scene.control.Labeled label) {
        return label.isVisible() && label.lookup(".text") instanceof javafx.scene.text.Text shown
                && !shown.getText().equals(label.getText());
    }

    long framesOf(String name) throws Exception {
        return onFx(() -> ui.tiles().stream().filter(t -> t.participant().name().equals(name))
                .mapToLong(t -> t.surface().framesShown()).max().orElse(-1));
    }
}

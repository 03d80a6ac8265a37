package app.carrel.client;

import app.carrel.client.history.FocusHistory;
import app.carrel.client.i18n.Texts;
import app.carrel.client.settings.SettingsModel;
import app.carrel.client.settings.SettingsStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Scene;
import app.carrel.client.window.LeaveConfirmation;
import app.carrel.client.window.WindowSize;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop window: settings from the user's config folder, then the lobby. Options:
 * {@code --server=ws://host:port/signal} (remembered),
 * {@code --trust-cert=server.pem} to trust a self-hosted wss:// server's own certificate
 * (remembered; empty = the JVM's trust store), {@code --room=NAME --name=NAME} to go to
 * that room's pre-join screen when the lobby lists it, {@code --join} to also enter by itself,
 * {@code --share-screen} to share the screen once in a room.
 */
public final class App extends Application {

    // The window's size when nothing is remembered: the room's header, tiles and chat side by
    // side; fitted to smaller screens.
    private static final Logger log = LoggerFactory.getLogger(App.class);
    /** Within a session manager's usual patience at logout; the call's own close stops at 8 s. */
    private static final Duration SIGNAL_CLOSE_LIMIT = Duration.ofSeconds(5);
    private static final double DEFAULT_WIDTH = 1180;
    private static final double DEFAULT_HEIGHT = 760;

    private Shell shell;
    private SettingsModel settings;
    private Stage stage;

    @Override
    public void start(Stage stage) {
        start(stage, getParameters().getNamed(), getParameters().getUnnamed());
    }

    /**
     * Opens the window on {@code stage} with the launch options: {@code named} from
     * {@code --key=value}, {@code flags} the rest. The real-window tests call this with a stage
     * of their own, as the launcher's would be (TestFX's primary stage is undecorated).
     */
    void start(Stage stage, Map<String, String> named, List<String> flags) {
        settings = SettingsModel.load(SettingsStore.forUser());
        // Before the first view is built: every view reads its words as it is made.
        Texts.use(settings.language());
        String server = named.get("server");
        if (server != null) {
            settings.setServer(server);
        }
        String trustCert = named.get("trust-cert");
        if (trustCert != null) {
            settings.setTrustCert(trustCert); // remembered, like --server
        }
        shell = new Shell(settings, getHostServices()::showDocument,
                FocusHistory.userDataDir().resolve(FocusHistory.FILE_NAME));
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeOnSignal, "carrel-terminate"));
        String room = named.get("room");
        String name = named.get("name");
        if (room != null && name != null) {
            shell.joinWhenListed(room, name, flags.contains("--join"));
        }
        if (flags.contains("--share-screen")) {
            shell.shareScreenOnEntry();
        }
        double[] size = WindowSize.fitted(settings.windowSize(DEFAULT_WIDTH, DEFAULT_HEIGHT),
                Screen.getPrimary().getVisualBounds());
        Scene scene = new Scene(shell);
        stage.setTitle(Texts.get("app.title"));
        stage.setScene(scene);
        stage.setOnCloseRequest(event -> {
            if (shell.inCall() && !LeaveConfirmation.confirm(stage, Texts.get("app.quitTitle"),
                    Texts.get("app.quitText"), Texts.get("app.quit"))) {
                event.consume();
            }
        });
        stage.show();
        // Sized once shown: set before, JavaFX 21's GTK window never passed the size to the
        // window manager, and openbox mapped it at its minimum (718×455 inside the frame,
        // with the content laid out for 1180×760 and cut off); without a minimum, at 198×175.
        stage.setMinWidth(WindowSize.MIN_WIDTH);
        stage.setMinHeight(WindowSize.MIN_HEIGHT);
        // Placed for its final size (placed while still small, it hung off the screen's edge);
        // centerOnScreen() here undid the resize under openbox.
        javafx.geometry.Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getMinX() + Math.max(0, (screen.getWidth() - size[0]) / 2));
        stage.setY(screen.getMinY() + Math.max(0, (screen.getHeight() - size[1]) / 2));
        stage.setWidth(size[0]);
        stage.setHeight(size[1]);
        this.stage = stage;
    }

    /**
     * SIGTERM (logging out, shutting down, {@code kill}): end the call as quitting does, so the
     * others see us leave at once rather than after the seat's grace time, and no camera thread
     * is still inside webrtc's native code when the JVM unloads it: that crashed the JVM
     * (SIGSEGV in JavaClasses::get from the synthetic camera's pushFrame, after a SIGTERM).
     */
    private void closeOnSignal() {
        try {
            shell.endCall().get(SIGNAL_CLOSE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("The call did not end cleanly before exit: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (stage != null) {
            settings.setWindowSize(stage.getWidth(), stage.getHeight());
        }
        if (shell != null) {
            shell.close();
        }
    }
}

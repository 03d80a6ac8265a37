package app.carrel.client.minitimer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.timer.TimerModel;
import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TimerPhase;
import atlantafx.base.theme.PrimerLight;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The small timer on a real (Monocle) stage: shown as the main window is minimised, one click back. */
@ExtendWith(ApplicationExtension.class)
class MiniTimerTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private final SimpleBooleanProperty enabled = new SimpleBooleanProperty(true);
    private final SimpleBooleanProperty micOn = new SimpleBooleanProperty(false);
    private Stage main;
    private TimerModel timer;
    private MiniTimer mini;

    @Start
    void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        main = new Stage();
        main.setScene(new Scene(new StackPane(new Label("the room")), 600, 400));
        main.show();
        timer = new TimerModel((a, p, s) -> new CompletableFuture<>(), () -> { }, id -> null);
        mini = new MiniTimer(main, timer, micOn, enabled);
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            mini.dispose();
            timer.stop();
            main.close();
            return null;
        });
    }

    @Test
    void minimisedWithAFocusRunningItShowsTheTimeAndOneClickBringsTheRoomBack(FxRobot robot) throws Exception {
        fx(() -> {
            main.setIconified(true);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(mini::showing), "no timer in the room yet: nothing to follow");

        fx(() -> {
            timer.update(new ServerMessage.Timer(null, TimerPhase.FOCUS, true, 1500, null, 1200, "bea"));
            return null;
        });
        waitFor("the small timer to show", () -> fx(mini::showing));
        assertTrue(fx(() -> mini.stage().isAlwaysOnTop()));
        assertEquals("Focus", fx(() -> text("#mini-timer-phase")));
        assertTrue(fx(() -> text("#mini-timer-time")).matches("(20:00|19:5\\d)"), fx(() -> text("#mini-timer-time")));
        assertEquals("Mic off", fx(() -> text("#mini-timer-mic")));
        fx(() -> {
            micOn.set(true);
            return null;
        });
        assertEquals("Mic on", fx(() -> text("#mini-timer-mic")));

        // The clock stops ticking before the robot measures the window: TestFX reads node bounds
        // off the FX thread, which a ticking label changes under it.
        javafx.scene.Node box = fx(() -> {
            timer.stop();
            return mini.stage().getScene().lookup("#mini-timer");
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(box);
        waitFor("the main window to come back", () -> fx(() -> !main.isIconified()));
        assertFalse(fx(mini::showing), "hidden again with the room in front");
    }

    @Test
    void turnedOffItNeverShows() throws Exception {
        fx(() -> {
            enabled.set(false);
            timer.update(new ServerMessage.Timer(null, TimerPhase.FOCUS, true, 1500, null, 1200, "bea"));
            main.setIconified(true);
            return null;
        });
        // Longer than the settle time it would have waited.
        WaitForAsyncUtils.sleep((long) MiniTimer.SETTLE.toMillis() * 3, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(mini::showing));
        fx(() -> {
            enabled.set(true); // turned on while minimised: it shows
            return null;
        });
        waitFor("the small timer to show once turned on", () -> fx(mini::showing));
    }

    private String text(String id) {
        return ((Label) mini.stage().getScene().lookup(id)).getText();
    }

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
        }
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }
}

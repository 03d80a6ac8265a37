package app.carrel.client.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TimerAction;
import app.carrel.protocol.TimerPhase;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The timer in the room's header, at the window's smallest size and at a wide one. */
@ExtendWith(ApplicationExtension.class)
class TimerViewTest {

    private final List<String> sent = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private boolean replace;
    private final TimerModel model = new TimerModel((action, phase, seconds) -> {
        sent.add(action + " " + phase + " " + seconds);
        return new CompletableFuture<>();
    }, () -> { }, Map.of("bea", "Bea")::get);
    private TimerView timer;
    private HBox header;
    private Label title;
    private Stage stage;

    @Start
    void start(Stage primary) {
        // A stage of its own, wide, narrowed by the tests: Monocle's headless painter cannot
        // grow a window past the size its pixel buffer was made for.
        stage = new Stage();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        timer = new TimerView(model, new CheckBox("Mute me during focus"), question -> {
            asked.add(question);
            return replace;
        });
        // The room header as RoomView builds it.
        title = new Label("Study Hall");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setId("header-title");
        Label count = new Label("3 here");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        header = new HBox(12, title, count, spacer, timer);
        stage.setScene(new Scene(header, 1200, 80));
        stage.show();
    }

    @AfterEach
    void stopTickerAndClose() throws Exception {
        fx(() -> {
            model.stop();
            stage.close();
            return null;
        });
    }

    @Test
    void atTheSmallestWindowTheTimeAndPhaseAreWholeAndButtonsKeepTheirIcons(FxRobot robot) throws Exception {
        fx(() -> update(new ServerMessage.Timer(null, TimerPhase.FOCUS, false, 1500, null, 754, "bea")));
        layout(1200);
        assertFalse(fx(timer::compact));
        assertEquals("Resume", shown(robot, "#timer-pause-resume"));
        assertEquals("Start", shown(robot, "#timer-start"));

        layout(718);
        assertEquals("12:34", shown(robot, "#timer-remaining"));
        assertEquals("Focus · paused", shown(robot, "#timer-phase"));
        assertEquals("paused by Bea", shown(robot, "#timer-by"));
        assertTrue(fx(timer::compact), "the buttons kept their words in a narrow header");
        for (String id : List.of("#timer-pause-resume", "#timer-start", "#mute-during-focus")) {
            Labeled button = robot.lookup(id).queryLabeled();
            assertEquals(ContentDisplay.GRAPHIC_ONLY, fx(button::getContentDisplay), id);
            assertTrue(fx(() -> button.getTooltip() != null && !button.getTooltip().getText().isEmpty()), id + " tooltip");
        }
        assertTrue(fx(() -> timer.getBoundsInParent().getMaxX() <= header.getWidth() + 0.5), "the timer runs off the window");
        // The room's name is not given up for the timer's words.
        assertEquals("Study Hall", shown(robot, "#header-title"));
    }

    @Test
    void resetLeavesTheStartControlsAndAFinishedPhaseOffersTheNext(FxRobot robot) throws Exception {
        fx(() -> update(new ServerMessage.Timer(null, TimerPhase.FOCUS, false, 1500, null, 1500, "bea")));
        layout(1200);
        assertEquals("No timer", shown(robot, "#timer-phase"));
        assertEquals("reset by Bea", shown(robot, "#timer-by"));
        for (String id : List.of("#timer-remaining", "#timer-pause-resume", "#timer-reset", "#timer-next")) {
            assertFalse(fx(() -> robot.lookup(id).query().isVisible()), id + " after a reset");
        }

        fx(() -> update(new ServerMessage.Timer(null, TimerPhase.FOCUS, true, 1500, 1L, 1, "bea")));
        fx(() -> update(new ServerMessage.Timer(null, TimerPhase.FOCUS, false, 1500, null, 0, "bea")));
        layout(1200);
        assertEquals("Focus done — start a break?", shown(robot, "#timer-phase"));
        assertFalse(fx(() -> robot.lookup("#timer-remaining").query().isVisible()), "a frozen 00:00");
        assertEquals("Break 5 min", shown(robot, "#timer-next"));
        robot.clickOn("#timer-next");
        assertEquals(List.of("START BREAK 300"), sent);
        assertEquals(List.of(), asked, "a finished phase is nothing to replace");
    }

    @Test
    void replacingARunningPhaseIsAskedFirst(FxRobot robot) throws Exception {
        fx(() -> update(new ServerMessage.Timer(null, TimerPhase.FOCUS, true, 1500, 1L, 754, "bea")));
        MenuButton start = robot.lookup("#timer-start").queryAs(MenuButton.class);
        replace = false;
        fx(() -> {
            start.getItems().get(2).fire();
            return null;
        });
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).startsWith("The room's focus timer has "), asked.get(0));
        assertTrue(asked.get(0).contains("started by Bea") && asked.get(0).contains("5-minute break"), asked.get(0));
        assertEquals(List.of(), sent, "replaced though the person said keep it");

        replace = true;
        fx(() -> {
            start.getItems().get(2).fire();
            return null;
        });
        assertEquals(List.of("START BREAK 300"), sent);
    }

    private void layout(double width) throws Exception {
        fx(() -> {
            stage.setWidth(width);
            header.resize(width, 80);
            return null;
        });
        // Twice: the first pass may switch the buttons to icons, the second lays that out.
        for (int i = 0; i < 3; i++) {
            fx(() -> {
                header.applyCss();
                header.layout();
                return null;
            });
        }
    }

    /** The text a label actually draws: "Fo…" when it was squeezed. */
    private static String shown(FxRobot robot, String id) throws Exception {
        Node node = robot.lookup(id).query();
        return fx(() -> {
            Node text = node.lookup(".text");
            return text instanceof Text t ? t.getText() : "";
        });
    }

    private Void update(ServerMessage.Timer message) {
        model.update(message);
        return null;
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(5, TimeUnit.SECONDS);
    }
}

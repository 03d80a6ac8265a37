package app.carrel.client;

import static app.carrel.client.WindowDriver.onFx;
import static app.carrel.client.WindowDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.i18n.Texts;
import app.carrel.client.settings.SettingsModel;
import app.carrel.client.settings.SettingsStore;
import app.carrel.client.history.CheckIn;
import app.carrel.client.history.FocusHistory;
import app.carrel.protocol.CheckInResult;
import app.carrel.protocol.Presence;
import app.carrel.protocol.Room;
import app.carrel.protocol.TimerAction;
import app.carrel.protocol.TimerPhase;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The study features in the window (docs/protocol.md §13) against a real server on a loopback
 * port with a real temp-file database, real headless engines as the others in the room:
 * goals, the participants panel, check-ins, quiet rooms and the lobby's live rows.
 */
@ExtendWith(ApplicationExtension.class)
class StudyShellTest {

    private static final int LIMIT = WindowDriver.LIMIT;

    @RegisterExtension
    static final ShellServer server = new ShellServer("carrel-study-test");

    private ShellServer.Window window;

    @Start
    void start(Stage stage) {
        window = server.openWindow(stage);
    }

    @AfterEach
    void closeEverything() throws Exception {
        window.close();
    }

    @Test
    void theGoalIsAskedBeforeJoiningRememberedShownToOthersAndChangedLiveBothWays(FxRobot robot) throws Exception {
        WindowDriver ui = connected(robot);
        HeadlessPeer bea = peer("Bea", 0xE4572E);
        Room room = bea.engine.createRoom("Essays", 4, null).get(LIMIT, TimeUnit.SECONDS);
        bea.engine.join(room.id(), null, "Statistics homework").get(LIMIT, TimeUnit.SECONDS);
        ui.waitForRoom("Essays", 1);

        toPreJoin(robot, ui, "Essays", "Ada");
        robot.clickOn("#prejoin-goal").write("Chapter 4 exercises");
        robot.clickOn("#prejoin-join");
        waitFor("the room view", () -> robot.lookup("#room-view").tryQuery().isPresent());
        assertEquals("Chapter 4 exercises", onFx(() -> window.settings().goalProperty().get()), "kept for next time");
        assertEquals("Chapter 4 exercises", SettingsModel.load(new SettingsStore(window.configDir())).goalProperty().get(),
                "in the settings file");

        waitFor("Bea to see Ada's goal", () -> "Chapter 4 exercises".equals(bea.goalByPeer.get(bea.idOf("Ada"))));
        waitFor("Bea's goal under her name", () -> tileGoal(ui, "Bea").equals("Statistics homework"));
        assertEquals("Chapter 4 exercises", onFx(() -> tileGoal(ui, "Ada")));

        bea.engine.setGoal("Problem set 3").get(LIMIT, TimeUnit.SECONDS);
        waitFor("Bea's new goal, live", () -> tileGoal(ui, "Bea").equals("Problem set 3"));

        // The participants panel opens from "2 here": both of us, our goals and states.
        robot.clickOn("#room-count");
        waitFor("the panel with two people", () -> panelText(robot).contains("Bea") && panelText(robot).contains("Ada (you)"));
        assertTrue(onFx(() -> panelText(robot).contains("Problem set 3")));
        bea.engine.setPresence(Presence.BREAK).get(LIMIT, TimeUnit.SECONDS);
        waitFor("Bea on a break in the panel", () -> panelText(robot).contains("On a break"));

        // We change ours from our row's edit action; Enter saves (a pulse later: KeyClosedDialogs).
        robot.clickOn(".participant-edit-goal");
        waitFor("the goal dialog", () -> robot.lookup("#goal-field").tryQuery().map(Node::isVisible).orElse(false));
        robot.interact(() -> robot.lookup("#goal-field").queryAs(TextField.class).setText("Chapter 5 reading"));
        robot.type(KeyCode.ENTER);
        waitFor("Bea to see the change", () -> "Chapter 5 reading".equals(bea.goalByPeer.get(bea.idOf("Ada"))));
        waitFor("our tile, our row and the settings", () -> tileGoal(ui, "Ada").equals("Chapter 5 reading")
                && panelText(robot).contains("Chapter 5 reading") && window.settings().goalProperty().get().equals("Chapter 5 reading"));

        // Esc keeps the goal as it was.
        robot.clickOn(".participant-edit-goal");
        waitFor("the goal dialog again", () -> robot.lookup("#goal-field").tryQuery().map(Node::isVisible).orElse(false));
        robot.interact(() -> robot.lookup("#goal-field").queryAs(TextField.class).setText("never sent"));
        robot.type(KeyCode.ESCAPE);
        waitFor("the dialog to close", () -> robot.lookup("#goal-field").tryQuery().isEmpty());
        assertEquals("Chapter 5 reading", onFx(() -> tileGoal(ui, "Ada")));

        // Esc in the room closes the panel.
        robot.type(KeyCode.ESCAPE);
        waitFor("Esc to close the panel", () -> !robot.lookup("#participants-panel").tryQuery().map(Node::isVisible).orElse(false));

        // Back in the lobby and in again: the field offers the last goal.
        leave(robot);
        toPreJoin(robot, ui, "Essays", "Ada");
        assertEquals("Chapter 5 reading", onFx(() -> robot.lookup("#prejoin-goal").queryAs(TextField.class).getText()));
        robot.clickOn("#prejoin-back");
    }

    @Test
    void aFocusPhaseEndsWithACheckInWhoseMarkTheOthersSeeUntilTheNextFocus(FxRobot robot) throws Exception {
        WindowDriver ui = connected(robot);
        HeadlessPeer bea = peer("Bea", 0xE4572E);
        Room room = bea.engine.createRoom("Sprint", 4, null).get(LIMIT, TimeUnit.SECONDS);
        bea.join(room.id());
        ui.waitForRoom("Sprint", 1);
        ui.enter("Sprint", "Ada");
        waitFor("two tiles", () -> ui.tiles().size() == 2);
        assertFalse(onFx(() -> robot.lookup("#check-in-prompt").query().isVisible()), "no prompt before a focus ends");

        bea.engine.sendTimer(TimerAction.START, TimerPhase.FOCUS, 2).get(LIMIT, TimeUnit.SECONDS);
        waitFor("the check-in prompt at the end of the focus", () -> laidOut(robot, "#check-in-done"));
        assertTrue(onFx(() -> robot.lookup("#check-in-save").query().isDisabled()), "nothing to save before an answer");
        assertTrue(onFx(() -> robot.lookup("#check-in-share").queryAs(CheckBox.class).isSelected()), "shared by default");
        robot.clickOn("#check-in-done");
        robot.clickOn("#check-in-note").write("proofs took longer");
        robot.type(KeyCode.ENTER);
        waitFor("Bea to see Ada's check-in", () -> bea.checkInByPeer.get(bea.idOf("Ada")) == CheckInResult.DONE);
        waitFor("the prompt to go", () -> !robot.lookup("#check-in-prompt").query().isVisible());
        assertTrue(onFx(() -> ui.tile("Ada").lookup(".tile-check-in").isVisible()), "our own mark");
        // The local focus history keeps the session, its focus time and the check-in with its private note.
        waitFor("the check-in in the focus history", () -> {
            try (FocusHistory history = FocusHistory.open(window.configDir().resolve("focus-history.sqlite"))) {
                return history.sessions().stream().anyMatch(s -> s.roomName().equals("Sprint") && s.focusSeconds() > 0
                        && new CheckIn(CheckIn.Result.DONE, "proofs took longer").equals(s.checkIn()));
            }
        });

        bea.engine.checkIn(CheckInResult.PARTLY).get(LIMIT, TimeUnit.SECONDS);
        waitFor("Bea's mark on her tile", () -> ui.tile("Bea").lookup(".tile-check-in").isVisible());

        // A new focus clears every mark (the server says so); the next end asks again, and Esc
        // skips it. With the participants panel open too, Esc on the bar closes the bar only.
        robot.clickOn("#room-count");
        waitFor("the panel", () -> robot.lookup("#participants-panel").tryQuery().map(Node::isVisible).orElse(false));
        bea.engine.sendTimer(TimerAction.START, TimerPhase.FOCUS, 2).get(LIMIT, TimeUnit.SECONDS);
        waitFor("the marks to clear", () -> !ui.tile("Bea").lookup(".tile-check-in").isVisible()
                && !ui.tile("Ada").lookup(".tile-check-in").isVisible());
        waitFor("the prompt again", () -> laidOut(robot, "#check-in-not-yet"));
        assertTrue(onFx(() -> robot.lookup("#check-in-note").queryAs(TextField.class).getText().isEmpty()), "a fresh prompt");
        robot.clickOn("#check-in-not-yet");
        robot.type(KeyCode.ESCAPE);
        waitFor("Esc to skip", () -> !robot.lookup("#check-in-prompt").query().isVisible());
        assertTrue(onFx(() -> robot.lookup("#participants-panel").query().isVisible()), "the panel stays for the next Esc");
        robot.type(KeyCode.ESCAPE);
        waitFor("the next Esc to close the panel",
                () -> !robot.lookup("#participants-panel").tryQuery().map(Node::isVisible).orElse(false));
        assertFalse(onFx(() -> ui.tile("Ada").lookup(".tile-check-in").isVisible()), "skipped: nothing shared");
        assertEquals(null, bea.checkInByPeer.get(bea.idOf("Ada")));
    }

    @Test
    void aQuietRoomHasNoMicrophoneButtonAndTheServerKeepsEveryoneMuted(FxRobot robot) throws Exception {
        WindowDriver ui = connected(robot);
        robot.clickOn("#create-room");
        robot.clickOn("#create-room-name").write("Library");
        robot.clickOn("#create-room-quiet");
        robot.clickOn("#create-room-ok");
        Room library = ui.waitForRoom("Library", 0);
        waitFor("the quiet mark in the lobby", () -> quietMarkShown(robot, "Library"));

        toPreJoin(robot, ui, "Library", "Ada");
        robot.clickOn("#prejoin-mic"); // asks to join with the microphone on
        robot.clickOn("#prejoin-join");
        waitFor("the room view", () -> robot.lookup("#room-view").tryQuery().isPresent());
        waitFor("the quiet sign instead of the mic button", () -> robot.lookup("#quiet-room").query().isVisible()
                && !robot.lookup("#toggle-mic").query().isVisible());
        assertEquals(Texts.get("room.quiet"), onFx(() -> ui.text("#quiet-room")));

        HeadlessPeer bea = peer("Bea", 0xE4572E);
        bea.join(library.id());
        waitFor("Bea to see Ada muted", () -> bea.mediaOf("Ada") != null && !bea.mediaOf("Ada").audio());

        robot.type(KeyCode.M);
        waitFor("M to say why instead of unmuting", () -> ui.text("#room-notice-text").equals(Texts.get("room.quietNotice")));
        assertFalse(onFx(() -> ui.tile("Ada").participant().mediaProperty().get().audio()));

        // A client that tries anyway is refused by the server, and nobody hears it as unmuted.
        bea.engine.setMicrophone(true).get(LIMIT, TimeUnit.SECONDS);
        waitFor("the server's refusal", () -> bea.problems.stream().anyMatch(p -> p.startsWith("room-quiet")));
        assertFalse(onFx(() -> ui.tile("Bea").participant().mediaProperty().get().audio()), "Bea stays muted for us");
    }

    @Test
    void theLobbyShowsEachRoomsPhaseTimeLeftAndWhoIsThere(FxRobot robot) throws Exception {
        WindowDriver ui = connected(robot);
        HeadlessPeer bea = peer("Bea", 0xE4572E);
        HeadlessPeer cy = peer("Cy", 0x29BF12);
        Room room = bea.engine.createRoom("Physics", 8, null).get(LIMIT, TimeUnit.SECONDS);
        bea.join(room.id());
        cy.join(room.id());
        ui.waitForRoom("Physics", 2);
        waitFor("the names in the row", () -> rowText(robot, "Physics", ".room-names").equals("Bea, Cy"));
        assertEquals("", onFx(() -> rowText(robot, "Physics", ".room-phase")), "no timer yet");

        bea.engine.sendTimer(TimerAction.START, TimerPhase.FOCUS, 25 * 60).get(LIMIT, TimeUnit.SECONDS);
        waitFor("the live phase", () -> rowText(robot, "Physics", ".room-phase").equals("Focus · 25 min left"));
        bea.engine.sendTimer(TimerAction.PAUSE, null, null).get(LIMIT, TimeUnit.SECONDS);
        waitFor("the pause", () -> rowText(robot, "Physics", ".room-phase").startsWith("Focus · paused"));
    }

    @Test
    void aRoomMadeWithLongBreaksOffersOneAfterTheFourthFocusAndSaysWhoStartedIt(FxRobot robot) throws Exception {
        WindowDriver ui = connected(robot);
        robot.clickOn("#create-room");
        robot.clickOn("#create-room-name").write("Marathon");
        robot.clickOn("#create-room-long-breaks");
        robot.clickOn("#create-room-ok");
        Room room = ui.waitForRoom("Marathon", 0);
        assertEquals(4, room.longBreakInterval(), "the server took the long breaks");
        HeadlessPeer bea = peer("Bea", 0xE4572E);
        bea.join(room.id());
        ui.enter("Marathon", "Ada");
        waitFor("two tiles", () -> ui.tiles().size() == 2);
        for (int round = 1; round <= 4; round++) {
            int r = round;
            bea.engine.sendTimer(TimerAction.START, TimerPhase.FOCUS, 1).get(LIMIT, TimeUnit.SECONDS);
            waitFor("focus " + round + " to run out", () -> bea.lastTimer() != null && bea.lastTimer().round() == r
                    && !bea.lastTimer().running());
            // The window's offer follows the server's round; after the 4th it is the long break.
            String expected = round == 4 ? "Long break 15 min" : "Break 5 min";
            waitFor("the window to offer '" + expected + "' after focus " + round, () ->
                    robot.lookup("#timer-next").query().isVisible() && ui.text("#timer-next").equals(expected)
                            && ui.text("#timer-phase").startsWith("Focus done"));
        }
        robot.clickOn("#timer-next");
        waitFor("the long break for Bea", () -> bea.lastTimer().phase() == TimerPhase.LONG_BREAK && bea.lastTimer().running());
        assertEquals("Long break", onFx(() -> ui.text("#timer-phase")));
        assertEquals("started by you", onFx(() -> ui.text("#timer-by")));
    }

    // --- helpers ---

    private WindowDriver connected(FxRobot robot) throws Exception {
        WindowDriver ui = new WindowDriver(robot);
        waitFor("the lobby to connect", () -> ui.text("#status-text").startsWith("Connected"));
        return ui;
    }

    private static void toPreJoin(FxRobot robot, WindowDriver ui, String roomName, String name) throws Exception {
        robot.interact(() -> robot.lookup("#display-name").queryAs(TextField.class).setText(name));
        robot.clickOn(ui.joinButtonOf(roomName));
        waitFor("the pre-join screen to be ready", () -> !robot.lookup("#prejoin-join").queryButton().isDisabled());
    }

    private static void leave(FxRobot robot) throws Exception {
        robot.clickOn("#leave");
        robot.clickOn("#leave-confirm");
        waitFor("the lobby", () -> robot.lookup("#lobby-view").tryQuery().map(Node::isVisible).orElse(false)
                && robot.lookup("#room-view").tryQuery().isEmpty());
    }

    /**
     * Shown and laid out: a bar that has just become visible has no size until the next pulse,
     * and a click on it then finds nothing to click (seen once in a full run).
     */
    private static boolean laidOut(FxRobot robot, String query) {
        return robot.lookup("#check-in-prompt").query().isVisible() && robot.lookup(query).tryQuery().map(n -> n.isVisible()
                && n.localToScene(n.getLayoutBounds()).getWidth() > 0
                && n.localToScene(n.getLayoutBounds()).getMinY() >= 0).orElse(false);
    }

    private static String tileGoal(WindowDriver ui, String name) {
        Label goal = (Label) ui.tile(name).lookup(".tile-goal");
        return goal.isVisible() ? goal.getText() : "";
    }

    private static String panelText(FxRobot robot) {
        StringBuilder all = new StringBuilder();
        robot.lookup("#participants-list").query().lookupAll(".label").forEach(n -> {
            if (n instanceof Label l && l.isVisible()) {
                all.append(l.getText()).append('\n');
            }
        });
        return all.toString();
    }

    private static Node row(FxRobot robot, String roomName) {
        return robot.lookup(".room-row").queryAll().stream()
                .filter(r -> robot.from(r).lookup(".room-name").queryLabeled().getText().equals(roomName))
                .findFirst().orElseThrow(() -> new AssertionError("No row for " + roomName));
    }

    private static String rowText(FxRobot robot, String roomName, String query) {
        Label label = (Label) row(robot, roomName).lookup(query);
        return label.isVisible() ? label.getText() : "";
    }

    private static boolean quietMarkShown(FxRobot robot, String roomName) {
        return row(robot, roomName).lookup(".room-quiet").isVisible();
    }

    private HeadlessPeer peer(String name, int rgb) {
        return window.peer(name, rgb);
    }
}

package app.carrel.client;

import static app.carrel.client.WindowDriver.onFx;
import static app.carrel.client.WindowDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.room.VideoTile;
import app.carrel.client.settings.SettingsModel;
import app.carrel.client.settings.SettingsStore;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.Room;
import app.carrel.protocol.TimerPhase;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop window against a real server on a loopback port, with real headless engines as
 * the other people in the room. Headless through Monocle (see the surefire configuration).
 */
@ExtendWith(ApplicationExtension.class)
class ShellTest {

    private static final int LIMIT = WindowDriver.LIMIT;

    @RegisterExtension
    static final ShellServer server = new ShellServer("carrel-ui-test");

    private ShellServer.Window window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = server.openWindow(stage);
    }

    @AfterEach
    void closeEverything() throws Exception {
        window.close();
    }

    @Test
    void aStudentCreatesJoinsStudiesChatsAndLeavesWithTwoOthers(FxRobot robot) throws Exception {
        WindowDriver ui = new WindowDriver(robot);
        waitFor("the lobby to connect", () -> ui.text("#status-text").startsWith("Connected"));

        robot.clickOn("#create-room");
        robot.clickOn("#create-room-name").write("Algorithms");
        robot.clickOn("#create-room-ok");
        Room room = ui.waitForRoom("Algorithms", 0);

        HeadlessPeer bea = peer("Bea", 0xE4572E);
        HeadlessPeer cy = window.closedWithWindow(new HeadlessPeer(server.uri(), "Cy", 0x29BF12, true));
        bea.join(room.id());
        cy.join(room.id());
        ui.waitForRoom("Algorithms", 2);

        ui.enter("Algorithms", "Ada");

        // Their tiles appear with names, and their video is drawn.
        waitFor("three tiles", () -> ui.tiles().size() == 3);
        // The window runs on the headless audio module here: it says so rather than pretend.
        assertTrue(onFx(() -> robot.lookup("#no-microphone").query().isVisible()), "the no-microphone warning");
        // No timer yet: said once, not also as "--:--".
        assertEquals("No timer", onFx(() -> ui.text("#timer-phase")));
        assertTrue(onFx(() -> !robot.lookup("#timer-remaining").query().isVisible()), "an empty clock beside 'No timer'");
        VideoTile beaTile = ui.tile("Bea");
        VideoTile cyTile = ui.tile("Cy");
        assertEquals("Cy", cyTile.participant().name());
        waitFor("video from Bea and Cy", () -> beaTile.surface().framesShown() > 3
                && cyTile.surface().framesShown() > 3);
        waitFor("our own mirrored self view", () -> ui.tile("Ada").surface().framesShown() > 3);
        waitFor("Cy's tone to light the speaking ring", () -> cyTile.getPseudoClassStates()
                .contains(javafx.css.PseudoClass.getPseudoClass("speaking")));

        // We joined muted; the others see it, then see the microphone open and close again.
        waitFor("Bea to see Ada muted", () -> flags(bea, "Ada") != null && !flags(bea, "Ada").audio());
        robot.clickOn("#toggle-mic");
        waitFor("Bea and Cy to see Ada unmuted", () -> flags(bea, "Ada").audio() && flags(cy, "Ada").audio());
        robot.type(KeyCode.M);
        waitFor("the M key to mute Ada for Cy", () -> !flags(cy, "Ada").audio());

        // Bea mutes: her badge shows on our side.
        bea.engine.setMicrophone(false).get(LIMIT, TimeUnit.SECONDS);
        waitFor("Bea's mic-off badge", () -> WindowDriver.badgeVisible(beaTile, ".mic-off-badge"));
        bea.engine.setMicrophone(true).get(LIMIT, TimeUnit.SECONDS);
        waitFor("Bea's mic-off badge to go", () -> !WindowDriver.badgeVisible(beaTile, ".mic-off-badge"));

        // Chat both ways.
        robot.clickOn("#chat-input").write("hello from Ada").type(KeyCode.ENTER);
        waitFor("Bea and Cy to get Ada's message", () -> bea.chat.stream().anyMatch(c -> c.text().equals("hello from Ada"))
                && cy.chat.stream().anyMatch(c -> c.text().equals("hello from Ada")));
        waitFor("our own line in the chat", () -> ui.chatTexts().contains("hello from Ada"));
        cy.engine.sendChat("hi Ada").get(LIMIT, TimeUnit.SECONDS);
        waitFor("Cy's message on our side", () -> ui.chatTexts().contains("hi Ada"));
        robot.clickOn("#toggle-chat");
        bea.engine.sendChat("unread one").get(LIMIT, TimeUnit.SECONDS);
        waitFor("the unread badge", () -> robot.lookup("#chat-unread").queryLabeled().isVisible()
                && ui.text("#chat-unread").equals("1"));
        robot.clickOn("#toggle-chat");
        waitFor("the badge to clear", () -> !robot.lookup("#chat-unread").queryLabeled().isVisible());

        // The focus timer counts down for everyone.
        robot.clickOn("#timer-start").clickOn("Focus 25 min");
        waitFor("Bea and Cy to get the running focus timer", () -> running(bea) && running(cy));
        waitFor("our countdown below 25:00", () -> ui.text("#timer-remaining").compareTo("25:00") < 0
                && robot.lookup("#timer-remaining").query().isVisible());
        assertTrue(bea.lastTimer().endsAt() > System.currentTimeMillis());
        bea.engine.sendTimer(app.carrel.protocol.TimerAction.PAUSE, null, null).get(LIMIT, TimeUnit.SECONDS);
        waitFor("Bea's pause to reach us", () -> ui.text("#timer-pause-resume").equals("Resume"));
        robot.clickOn("#timer-pause-resume");
        waitFor("our resume to reach Cy", () -> cy.lastTimer().running() && cy.lastTimer().remaining() < 1500);
        robot.clickOn("#timer-reset");
        waitFor("our reset to reach Bea", () -> !bea.lastTimer().running() && bea.lastTimer().remaining() == 1500
                && ui.text("#timer-remaining").equals("25:00"));

        // Leave: back in the lobby, and the room shows one person fewer.
        robot.clickOn("#leave");
        robot.clickOn("#leave-confirm");
        waitFor("the lobby", () -> robot.lookup("#lobby-view").tryQuery().map(Node::isVisible).orElse(false)
                && robot.lookup("#room-view").tryQuery().isEmpty());
        ui.waitForRoom("Algorithms", 2);
        waitFor("Bea to see Ada gone", () -> !bea.nameByPeer.containsValue("Ada"));
    }

    @Test
    void anInvalidNameIsExplainedInTheLobby(FxRobot robot) throws Exception {
        WindowDriver ui = new WindowDriver(robot);
        waitFor("the lobby to connect", () -> ui.text("#status-text").startsWith("Connected"));
        HeadlessPeer dee = peer("Dee", 0x3355FF);
        Room room = dee.engine.createRoom("Physics", 4, null).get(LIMIT, TimeUnit.SECONDS);
        ui.waitForRoom("Physics", 0);
        robot.interact(() -> robot.lookup("#display-name").queryAs(TextField.class).setText("   "));
        robot.clickOn(ui.joinButtonOf(room.name()));
        waitFor("the invalid-name notice", () -> ui.text("#lobby-notice").startsWith("Invalid name"));
        assertTrue(robot.lookup("#lobby-view").tryQuery().isPresent());
    }

    @Test
    void settingsChangeTheThemeAndAreKept(FxRobot robot) throws Exception {
        WindowDriver ui = new WindowDriver(robot);
        waitFor("the lobby to connect", () -> ui.text("#status-text").startsWith("Connected"));
        robot.clickOn("#open-settings");
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ChoiceBox<String> theme = robot.lookup("#settings-theme").queryAs(javafx.scene.control.ChoiceBox.class);
            theme.setValue(SettingsModel.DARK);
            robot.lookup("#settings-name").queryAs(TextField.class).setText("Nora");
        });
        robot.clickOn("#settings-ok");
        waitFor("the dark theme", () -> javafx.application.Application.getUserAgentStylesheet().contains("primer-dark"));
        waitFor("the name in the lobby", () -> robot.lookup("#display-name").queryAs(TextField.class).getText().equals("Nora"));
        SettingsModel reloaded = SettingsModel.load(new SettingsStore(window.configDir()));
        assertEquals(SettingsModel.DARK, reloaded.themeProperty().get());
        assertEquals("Nora", reloaded.nameFor(server.uri().toString()));
    }

    @Test
    void anUnreachableServerOffersRetry(FxRobot robot) throws Exception {
        WindowDriver ui = new WindowDriver(robot);
        waitFor("the lobby to connect", () -> ui.text("#status-text").startsWith("Connected"));
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String dead = "ws://127.0.0.1:" + closedPort + "/signal";
        robot.interact(() -> stage.setWidth(640)); // narrow enough for the notice to wrap beside the button
        robot.interact(() -> robot.lookup("#server-address").queryAs(TextField.class).setText(dead));
        robot.clickOn("#connect");
        waitFor("the unreachable notice with retry", () -> ui.text("#lobby-notice").startsWith("Cannot reach")
                && robot.lookup("#retry").queryButton().isVisible());
        Button retry = robot.lookup("#retry").queryButton();
        // A long notice wraps beside it; the button still shows its whole label, not "...".
        waitFor("the retry button at its full width", () -> retry.getWidth() >= retry.prefWidth(-1) - 0.5);
        waitFor("the offline banner", () -> ui.text("#status-text").startsWith("Offline"));
        robot.interact(() -> robot.lookup("#server-address").queryAs(TextField.class).setText(server.uri().toString()));
        robot.clickOn("#connect");
        waitFor("the notice to clear", () -> ui.text("#lobby-notice").isEmpty()
                && ui.text("#status-text").startsWith("Connected"));
    }

    @Test
    void spaceTalksOnlyWhileHeldAndTheKeysReachCameraAndHelp(FxRobot robot) throws Exception {
        WindowDriver ui = new WindowDriver(robot);
        waitFor("the lobby to connect", () -> ui.text("#status-text").startsWith("Connected"));
        HeadlessPeer eve = inRoomWith(ui, "Eve", 0x8844CC, "Quiet Corner", "Fay");
        waitFor("Eve to see Fay muted", () -> flags(eve, "Fay") != null && !flags(eve, "Fay").audio());

        robot.press(KeyCode.SPACE);
        waitFor("Eve to hear Fay while Space is held", () -> flags(eve, "Fay").audio());
        robot.release(KeyCode.SPACE);
        waitFor("Fay muted again when Space comes up", () -> !flags(eve, "Fay").audio());

        robot.type(KeyCode.V);
        waitFor("Eve to see Fay's camera off", () -> !flags(eve, "Fay").video());
        VideoTile own = ui.tile("Fay");
        waitFor("initials and the camera-off badge on Fay's own tile", () -> WindowDriver.badgeVisible(own, ".camera-off-badge")
                && own.lookup(".tile-initials").isVisible() && WindowDriver.text(own.lookup(".tile-initials")).equals("F"));

        robot.write("?");
        waitFor("the help overlay", () -> robot.lookup("#help-overlay").query().isVisible());
        robot.type(KeyCode.ESCAPE);
        waitFor("the help overlay to close", () -> !robot.lookup("#help-overlay").query().isVisible());
    }

    @Test
    void screenSharingWithoutADisplayExplainsItselfAndKeepsTheCall(FxRobot robot) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("DISPLAY") == null,
                "DISPLAY is set: S would really share this screen");
        WindowDriver ui = new WindowDriver(robot);
        waitFor("the lobby to connect", () -> ui.text("#status-text").startsWith("Connected"));
        HeadlessPeer ola = inRoomWith(ui, "Ola", 0x447788, "Share Room", "Pia");
        robot.type(KeyCode.S);
        waitFor("the notice", () -> ui.text("#room-notice-text").startsWith("Screen sharing needs an X11 display"));
        assertTrue(flags(ola, "Pia") != null && !flags(ola, "Pia").screen());
    }

    @Test
    void aWrongPasswordIsAskedAgainAndAFullRoomIsExplained(FxRobot robot) throws Exception {
        WindowDriver ui = new WindowDriver(robot);
        waitFor("the lobby to connect", () -> ui.text("#status-text").startsWith("Connected"));
        HeadlessPeer gus = peer("Gus", 0x228899);
        gus.engine.createRoom("Locked Lab", 4, "secret").get(LIMIT, TimeUnit.SECONDS);
        Room pair = gus.engine.createRoom("Pair Room", 2, null).get(LIMIT, TimeUnit.SECONDS);
        gus.join(pair.id());
        peer("Ivy", 0x992288).join(pair.id());
        ui.waitForRoom("Pair Room", 2);
        waitFor("the full room's button to say Full", () -> {
            var button = (javafx.scene.control.Button) ui.joinButtonOf("Pair Room");
            return button.getText().equals("Full") && button.isDisabled();
        });

        ui.waitForRoom("Locked Lab", 0);
        robot.interact(() -> robot.lookup("#display-name").queryAs(TextField.class).setText("Hal"));
        robot.clickOn(ui.joinButtonOf("Locked Lab"));
        robot.clickOn("#join-password").write("nope");
        robot.clickOn("#join-password-ok");
        waitFor("the pre-join screen to be ready", () -> !robot.lookup("#prejoin-join").queryButton().isDisabled());
        waitFor("the camera preview", () -> robot.lookup("#prejoin-preview").queryAs(app.carrel.client.video.VideoSurface.class)
                .framesShown() > 3);
        assertEquals("Microphone off", ui.text("#prejoin-mic"));
        robot.clickOn("#prejoin-join");
        waitFor("the password asked again, over the lobby", () -> robot.lookup("#join-password-wrong").tryQuery().isPresent()
                && robot.lookup("#lobby-view").query().getScene() != null);
        // Once the refused join's engine has closed (only Gus's and Ivy's remain) and its last
        // events reached the window, the lobby is still online and says so (it said "Offline").
        Await.until("the refused join's engine to close", Duration.ofSeconds(LIMIT), () -> Thread.getAllStackTraces()
                .keySet().stream().filter(t -> t.getName().startsWith("carrel-engine-")).count() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ui.text("#status-text").startsWith("Connected"), ui.text("#status-text"));
        robot.clickOn("#join-password").write("secret");
        robot.clickOn("#join-password-ok");
        waitFor("the pre-join screen again", () -> robot.lookup("#prejoin-join").tryQuery().isPresent()
                && !robot.lookup("#prejoin-join").queryButton().isDisabled());
        robot.clickOn("#prejoin-join");
        waitFor("the room view", () -> robot.lookup("#room-view").tryQuery().isPresent());
    }

    @Test
    void aPhaseEndShowsTheBannerAndFocusCanMuteUs(FxRobot robot) throws Exception {
        WindowDriver ui = new WindowDriver(robot);
        waitFor("the lobby to connect", () -> ui.text("#status-text").startsWith("Connected"));
        HeadlessPeer jo = inRoomWith(ui, "Jo", 0xCC8844, "Timer Room", "Kim");
        robot.clickOn("#toggle-mic");
        waitFor("Jo to hear Kim", () -> flags(jo, "Kim") != null && flags(jo, "Kim").audio());
        robot.clickOn("#mute-during-focus");

        jo.engine.sendTimer(app.carrel.protocol.TimerAction.START, TimerPhase.FOCUS, 600).get(LIMIT, TimeUnit.SECONDS);
        waitFor("Kim muted by the focus session", () -> !flags(jo, "Kim").audio()
                && ui.text("#room-notice-text").equals(app.carrel.client.room.RoomModel.MUTED_FOR_FOCUS));
        robot.type(KeyCode.M); // unmuting herself, the notice that says she is muted goes
        waitFor("Kim unmuted and the notice gone", () -> flags(jo, "Kim").audio()
                && !robot.lookup("#room-notice").query().isVisible());

        jo.engine.sendTimer(app.carrel.protocol.TimerAction.RESET, null, null).get(LIMIT, TimeUnit.SECONDS);
        jo.engine.sendTimer(app.carrel.protocol.TimerAction.START, TimerPhase.FOCUS, 2).get(LIMIT, TimeUnit.SECONDS);
        waitFor("Kim muted by the new focus session", () -> !flags(jo, "Kim").audio());
        waitFor("the phase-over banner, and the muted notice gone with the phase", () ->
                robot.lookup("#timer-banner").query().isVisible()
                && ui.text("#timer-banner-text").startsWith("Focus session over")
                && ui.text("#timer-remaining").equals("00:00")
                && !robot.lookup("#room-notice").query().isVisible());
    }

    @Test
    void aServerOutageShowsReconnectingAboveTheCallWhichGoesOn(FxRobot robot) throws Exception {
        WindowDriver ui = new WindowDriver(robot);
        waitFor("the lobby to connect", () -> ui.text("#status-text").startsWith("Connected"));
        HeadlessPeer lu = inRoomWith(ui, "Lu", 0x55AA55, "Outage Room", "Max");
        VideoTile luTile = ui.tile("Lu");
        waitFor("Lu's video", () -> luTile.surface().framesShown() > 3);

        int port = server.stop();
        // The banner counts down to the engine's next attempt (250 ms, then doubling up to 5 s).
        waitFor("the reconnecting banner", () -> ui.text("#status-text").startsWith("Connection lost — reconnecting"));
        waitFor("a countdown of two seconds or more", () -> ui.text("#status-text")
                .matches("Connection lost — reconnecting in [2-5] s; your call continues peer to peer"));
        long before = onFx(() -> luTile.surface().framesShown());
        waitFor("video still arriving peer to peer", () -> luTile.surface().framesShown() > before + 10
                && robot.lookup("#room-view").tryQuery().isPresent());

        // The same database on the same port (just freed by us): the engine resumes its seat.
        server.startOn(port);
        waitFor("the banner to say connected again", () -> ui.text("#status-text").startsWith("Connected"));
        assertEquals(2, onFx(() -> ui.tiles().size()));
    }

    // --- helpers ---

    /** A peer who creates a room of three and sits in it; then the app's user enters it as {@code userName}. */
    private HeadlessPeer inRoomWith(WindowDriver ui, String peerName, int rgb, String roomName, String userName)
            throws Exception {
        HeadlessPeer host = peer(peerName, rgb);
        host.join(host.engine.createRoom(roomName, 3, null).get(LIMIT, TimeUnit.SECONDS).id());
        ui.waitForRoom(roomName, 1);
        ui.enter(roomName, userName);
        return host;
    }

    private HeadlessPeer peer(String name, int rgb) {
        return window.peer(name, rgb);
    }

    private static MediaFlags flags(HeadlessPeer peer, String who) {
        return peer.mediaOf(who);
    }

    private static boolean running(HeadlessPeer peer) {
        var t = peer.lastTimer();
        return t != null && t.running() && t.phase() == TimerPhase.FOCUS && t.remaining() <= 1500;
    }

}

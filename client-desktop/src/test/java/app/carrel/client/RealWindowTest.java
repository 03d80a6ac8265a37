package app.carrel.client;

import static app.carrel.client.WindowDriver.onFx;
import static app.carrel.client.WindowDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A person's day in the real window (see {@link RealWindow}): a locked room, people leaving and
 * coming back, the window's size; real carrel-bot processes are the others.
 */
class RealWindowTest extends RealWindow {


    @Test
    void aLockedRoomTakesAWrongPasswordThenTheRightOne() throws Exception {
        bots.add(BotProcess.join(server.uri().toString(), "Gus", "--room", "Locked Lab", "--create", "--password", "secret"));
        ui.waitForRoom("Locked Lab", 1);
        typeName("Ada");
        selectRoomAndPressEnter("Locked Lab");
        waitFor("the password prompt", () -> robot.lookup("#join-password").tryQuery().isPresent());
        XInput.type("wrong");
        XInput.key("Return");
        joinFromPreJoin();
        waitFor("the password prompt to ask again", () -> robot.lookup("#join-password-wrong").tryQuery().isPresent());
        assertTrue(onFx(() -> ui.text("#status-text").startsWith("Connected")), "the lobby is online, not 'Offline'");
        XInput.type("secret");
        XInput.key("Return");
        joinFromPreJoin();
        waitFor("the room view", () -> robot.lookup("#room-view").tryQuery().isPresent());
        waitFor("Gus's tile", () -> ui.tiles().stream().anyMatch(t -> t.participant().name().equals("Gus")));
    }

    @Test
    void someoneWhoLeavesLosesTheirTileAndComesBackLiveWhenTheyRejoin() throws Exception {
        String url = server.uri().toString();
        bots.add(BotProcess.join(url, "Bea", "--room", "Study Hall", "--create", "--color", "E4572E"));
        BotProcess cy = BotProcess.join(url, "Cy", "--room", "Study Hall", "--color", "29BF12");
        bots.add(cy);
        ui.waitForRoom("Study Hall", 2);
        typeName("Ada");
        selectRoomAndPressEnter("Study Hall");
        joinFromPreJoin();
        waitFor("the room view", () -> robot.lookup("#room-view").tryQuery().isPresent());
        waitFor("video from Bea and Cy", () -> framesOf("Bea") > 0 && framesOf("Cy") > 0);
        // A long call collects garbage; the grid must still follow the room afterwards (it
        // listened through a weakly held wrapper and froze a left peer's tile after a GC).
        System.gc();
        System.gc();

        cy.leave();
        long left = System.nanoTime();
        waitFor("Cy's tile to go", () -> ui.tiles().stream().noneMatch(t -> t.participant().name().equals("Cy")));
        long gone = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - left);
        assertTrue(gone < 2000, "Cy's tile went " + gone + " ms after Cy left; at most 2000 ms");
        assertEquals("2 here", onFx(() -> ui.text("#room-count")));

        bots.add(BotProcess.join(url, "Cy", "--room", "Study Hall", "--color", "29BF12"));
        waitFor("Cy's tile again", () -> ui.tiles().stream().anyMatch(t -> t.participant().name().equals("Cy")));
        long before = framesOf("Cy");
        waitFor("Cy's video to play again", () -> framesOf("Cy") > before + 10);
    }

    /**
     * Logging out or shutting down sends the app SIGTERM: it leaves the room at once (the others
     * see it go well before the 30 s seat grace) and exits without a JVM crash (its camera thread
     * was still in native code while the JVM unloaded webrtc: SIGSEGV, an hs_err file).
     */
    @Test
    void anAppEndedBySigtermLeavesTheRoomAtOnceAndDoesNotCrash() throws Exception {
        String url = server.uri().toString();
        bots.add(BotProcess.join(url, "Bea", "--room", "Exit hall", "--create", "--color", "E4572E"));
        BotProcess ada = BotProcess.desktopApp(url, "Ada", "Exit hall");
        bots.add(ada);
        ui.waitForRoom("Exit hall", 2);

        ada.leave();
        long ended = System.nanoTime();
        ui.waitForRoom("Exit hall", 1);
        long gone = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ended);
        assertTrue(gone < 5000, "Ada left the lobby's count " + gone + " ms after her app ended; at most 5000 ms");
        assertEquals(143, ada.exitCode(), "ended by its SIGTERM, not by a crash");
        assertEquals(List.of(), ada.crashLogs());
    }

    @Test
    void theWindowOpensAtItsSizeOnScreenAndRemembersIt() throws Exception {
        // What the X server has, not what JavaFX believes: JavaFX said 1180×760 while openbox
        // had mapped the window at 718×455 and cut the room off.
        waitFor("the window mapped at its default size", () -> shownAs(1180, 760));
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(900);
            stage.setHeight(600);
        }).get(5, TimeUnit.SECONDS);
        waitFor("the window at 900×600", () -> shownAs(900, 600));
        closeApp();
        openApp();
        waitFor("the window at its remembered size", () -> shownAs(900, 600));
    }

    /** The stage is {@code width}×{@code height} outside, and the X window is as big as its scene. */
    private boolean shownAs(double width, double height) throws Exception {
        int[] x = XInput.windowSize("Carrel");
        return stage.getWidth() == width && stage.getHeight() == height
                && Math.abs(x[0] - stage.getScene().getWidth()) <= 1 && Math.abs(x[1] - stage.getScene().getHeight()) <= 1;
    }

    @Test
    void theRoomHeaderAndTimerStayReadableAtTheSmallestWindow() throws Exception {
        bots.add(BotProcess.join(server.uri().toString(), "Bea", "--room", "Algorithms and Data Structures", "--create"));
        ui.waitForRoom("Algorithms and Data Structures", 1);
        enterRoom("Algorithms and Data Structures", "Ada");
        robot.clickOn("#timer-start");
        robot.clickOn("Focus 25 min");
        waitFor("the focus timer", () -> ui.text("#timer-phase").startsWith("Focus"));
        for (double[] size : new double[][] {{app.carrel.client.window.WindowSize.MIN_WIDTH,
                app.carrel.client.window.WindowSize.MIN_HEIGHT}, {800, 500}, {1180, 760}}) {
            WaitForAsyncUtils.asyncFx(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            }).get(5, TimeUnit.SECONDS);
            waitFor("the window at " + size[0] + "×" + size[1], () -> stage.getWidth() == size[0]);
            WaitForAsyncUtils.waitForFxEvents();
            for (String id : new String[] {"#room-count", "#timer-phase", "#timer-remaining"}) {
                javafx.scene.control.Labeled label = robot.lookup(id).queryAs(javafx.scene.control.Labeled.class);
                assertFalse(onFx(() -> clipped(label)), id + " is cut at " + size[0] + "×" + size[1]
                        + ": shows '" + onFx(() -> ((javafx.scene.text.Text) label.lookup(".text")).getText()) + "'");
            }
        }
    }

    @Test
    void aCustomTimerLengthIsTypedStraightIntoItsDialog() throws Exception {
        bots.add(BotProcess.join(server.uri().toString(), "Bea", "--room", "Pomodoro", "--create"));
        ui.waitForRoom("Pomodoro", 1);
        enterRoom("Pomodoro", "Ada");
        robot.clickOn("#timer-start");
        robot.clickOn("Custom length…");
        waitFor("the custom length dialog", () -> robot.lookup("#timer-custom-minutes").tryQuery().isPresent());
        XInput.type("3"); // replaces the suggested length: the field has the caret, its text selected
        XInput.key("Return");
        waitFor("a three-minute focus", () -> ui.text("#timer-remaining").startsWith("02:5")
                || ui.text("#timer-remaining").equals("03:00"));
    }

    @Test
    void cameraAndSoundOpenDuringTheCallAndEscapeClosesThem() throws Exception {
        bots.add(BotProcess.join(server.uri().toString(), "Bea", "--room", "Devices", "--create"));
        ui.waitForRoom("Devices", 1);
        enterRoom("Devices", "Ada");
        XInput.click(robot.lookup("#room-devices").query());
        waitFor("the Camera and sound window", () -> robot.lookup("#devices-camera").tryQuery().isPresent());
        assertEquals("Synthetic camera", onFx(() -> String.valueOf(
                robot.lookup("#devices-camera").queryAs(javafx.scene.control.ComboBox.class).getValue())));
        XInput.key("Escape");
        waitFor("the window to close, the call still on", () -> robot.lookup("#devices-camera").tryQuery().isEmpty()
                && robot.lookup("#room-view").tryQuery().isPresent());
        long before = framesOf("Bea");
        waitFor("Bea's video still moving", () -> framesOf("Bea") > before + 5);
    }

    @Test
    void aSharedScreenTakesTheStageAndADoubleClickPinsSomeoneElse() throws Exception {
        String url = server.uri().toString();
        bots.add(BotProcess.join(url, "Bea", "--room", "Show and Tell", "--create", "--color", "E4572E"));
        ui.waitForRoom("Show and Tell", 1);
        enterRoom("Show and Tell", "Ada");
        // Cy shares this virtual display (the bot inherits DISPLAY), as a person shares theirs.
        bots.add(BotProcess.join(url, "Cy", "--room", "Show and Tell", "--share-screen"));
        waitFor("Cy's screen on the stage", () -> onStage("Cy") && framesOf("Cy") > 3);
        VideoTileSizes sizes = tileSizes();
        assertTrue(sizes.of("Cy") > 4 * sizes.of("Bea"), "the shared screen is the big tile: " + sizes);

        robot.doubleClickOn(ui.tile("Bea"));
        waitFor("Bea pinned to the stage instead", () -> onStage("Bea") && !onStage("Cy"));
        robot.doubleClickOn(ui.tile("Bea"));
        waitFor("the even grid again", () -> !onStage("Bea") && !onStage("Cy"));
    }

    @Test
    void theCallComesBackWhenTheServerIsKilledAndStartedAgain() throws Exception {
        java.nio.file.Path db = dir.resolve("killed-" + System.nanoTime() + ".db");
        ServerProcess first = ServerProcess.start(0, db);
        int port = first.port();
        ServerProcess second = null;
        try {
            closeApp();
            openApp(first.uri());
            waitFor("the lobby on the server process", () -> ui.text("#status-text").startsWith("Connected"));
            bots.add(BotProcess.join(first.uri(), "Bea", "--room", "Night Shift", "--create"));
            ui.waitForRoom("Night Shift", 1);
            enterRoom("Night Shift", "Ada");
            waitFor("Bea's video", () -> framesOf("Bea") > 3);

            first.kill(); // no close frame, no goodbye: a crash
            waitFor("the window to say it is reconnecting", () -> ui.text("#status-text").startsWith("Connection lost"));
            second = ServerProcess.start(port, db);
            waitFor("the call back on the new server", () -> ui.text("#status-text").startsWith("Connected"));
            long before = framesOf("Bea");
            waitFor("Bea's video moving again", () -> framesOf("Bea") > before + 10);
            assertTrue(onFx(() -> robot.lookup("#room-view").tryQuery().isPresent()), "still in the room");
        } finally {
            closeApp();
            for (BotProcess bot : bots) {
                bot.close();
            }
            bots.clear();
            first.close();
            if (second != null) {
                second.close();
            }
            openApp(); // the fixture closes what it opened
        }
    }

    @Test
    void chatShowsTheNewestMessageAndHidingItGivesTheTilesTheRoom() throws Exception {
        try (HeadlessPeer bea = new HeadlessPeer(server.uri(), "Bea", 0xE4572E)) {
            bea.join(bea.engine.createRoom("Chatty", 4, null).get(WindowDriver.LIMIT, TimeUnit.SECONDS).id());
            ui.waitForRoom("Chatty", 1);
            enterRoom("Chatty", "Ada");
            for (int i = 1; i <= 30; i++) {
                bea.engine.sendChat("message " + i).get(WindowDriver.LIMIT, TimeUnit.SECONDS);
            }
            waitFor("message 30 in view at the bottom", () -> lastVisibleChat().equals("message 30"));
            XInput.click(robot.lookup("#chat-input").query());
            XInput.type("hello from Ada");
            XInput.key("Return");
            waitFor("our own line in view", () -> lastVisibleChat().equals("hello from Ada"));

            double withChat = onFx(() -> robot.lookup("#video-grid").query().getLayoutBounds().getWidth());
            robot.clickOn("#toggle-chat");
            waitFor("the grid to take the chat's width", () ->
                    robot.lookup("#video-grid").query().getLayoutBounds().getWidth() > withChat + 200);
        }
    }

    private String lastVisibleChat() {
        javafx.scene.control.skin.VirtualFlow<?> flow = robot.lookup("#chat-list .virtual-flow")
                .queryAs(javafx.scene.control.skin.VirtualFlow.class);
        javafx.scene.control.IndexedCell<?> last = flow.getLastVisibleCell();
        return last == null || !(last.getItem() instanceof app.carrel.protocol.ServerMessage.Chat chat) ? "" : chat.text();
    }

    private boolean onStage(String name) throws Exception {
        return onFx(() -> ui.tiles().stream().filter(t -> t.participant().name().equals(name))
                .anyMatch(t -> t.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("staged"))));
    }

    private VideoTileSizes tileSizes() throws Exception {
        return onFx(() -> new VideoTileSizes(ui.tiles().stream().collect(java.util.stream.Collectors.toMap(
                t -> t.participant().name(), t -> t.getWidth() * t.getHeight(), (a, b) -> a))));
    }

    private record VideoTileSizes(java.util.Map<String, Double> areas) {
        double of(String name) {
            return areas.getOrDefault(name, 0.0);
        }
    }
}

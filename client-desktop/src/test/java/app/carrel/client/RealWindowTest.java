package app.carrel.client;

import static app.carrel.client.WindowDriver.onFx;
import static app.carrel.client.WindowDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void theWindowFitsTheScreenAndRemembersItsSize() throws Exception {
        javafx.geometry.Rectangle2D screen = onFx(() -> javafx.stage.Screen.getPrimary().getVisualBounds());
        assertTrue(onFx(() -> stage.getWidth() <= screen.getWidth() && stage.getHeight() <= screen.getHeight()),
                "the window (" + onFx(stage::getWidth) + "×" + onFx(stage::getHeight) + ") fits the screen " + screen);
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(900);
            stage.setHeight(600);
        }).get(5, TimeUnit.SECONDS);
        waitFor("the new size", () -> stage.getWidth() == 900 && stage.getHeight() == 600);
        closeApp();
        openApp();
        waitFor("the window at its remembered size", () -> stage.getWidth() == 900 && stage.getHeight() == 600);
    }
}

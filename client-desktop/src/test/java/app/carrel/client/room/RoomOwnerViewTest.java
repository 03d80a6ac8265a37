package app.carrel.client.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.Await;
import app.carrel.client.call.JoinedRoom;
import app.carrel.client.i18n.Texts;
import app.carrel.protocol.Peer;
import app.carrel.protocol.Room;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The owner's and everyone's actions in the room as the window offers them (under Monocle): a
 * tile's menu, the header's room menu, the Remove… dialog, and a request to mute. The engine is
 * real but never connects, so a request sent fails, and that failure is what the room shows.
 */
@ExtendWith(ApplicationExtension.class)
class RoomOwnerViewTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private RoomStage room;
    private RoomModel model;
    private RoomView view;
    private Stage stage;

    @Start
    void start(Stage primary) {
        room = RoomStage.open(true, ids -> { }, 1000, 700);
        model = room.model();
        view = room.view();
        stage = room.stage();
        model.onJoined(new JoinedRoom(new Room("r", "Algebra", 2, 4, false), "a", "Ada",
                List.of(new Peer("b", "Ben", true, true, false)), List.of(), null));
    }

    @AfterEach
    void close(FxRobot robot) {
        room.close(robot);
    }

    @Test
    void anyoneHidesAVideoHereOnlyAndOnlyTheOwnerIsOfferedMore(FxRobot robot) {
        assertFalse(robot.lookup("#room-menu").query().isVisible(), "no room menu for a guest");
        ContextMenu menu = openTileMenu(robot, "b");
        assertEquals(List.of("tile-hide-video"), ids(menu));
        robot.interact(() -> menu.getItems().get(0).fire());
        Participant ben = participant("b");
        assertTrue(ben.videoHiddenProperty().get());
        VideoTile tile = tile(robot, "b");
        assertFalse(tile.surface().isVisible(), "the video is hidden, the initials shown");
        assertEquals(Texts.get("tile.showVideo"), openTileMenu(robot, "b").getItems().get(0).getText());

        robot.interact(() -> model.ownerToken("token", () -> { }));
        assertTrue(robot.lookup("#room-menu").query().isVisible(), "the owner has the room menu");
        assertEquals(java.util.Arrays.asList("tile-hide-video", null, "tile-ask-mute", "tile-remove"),
                ids(openTileMenu(robot, "b")));
        assertEquals(List.of("tile-edit-goal"), ids(openTileMenu(robot, "self")), "our own tile offers our goal only");
    }

    @Test
    void removeAsksHowLongEscapeCancelsAndConfirmingSendsTheRequest(FxRobot robot) {
        robot.interact(() -> model.ownerToken("token", () -> { }));
        ContextMenu menu = openTileMenu(robot, "b");
        robot.interact(() -> menu.getItems().get(3).fire());
        Await.until("the Remove dialog", LIMIT, () -> robot.lookup("#remove-dialog").tryQuery().isPresent());
        Label header = robot.lookup("#remove-dialog .header-panel .label").queryAs(Label.class);
        assertEquals(Texts.get("owner.removeHeader", "Ben"), header.getText());
        robot.type(KeyCode.ESCAPE);
        Await.until("the dialog closed by Escape", LIMIT, () -> robot.lookup("#remove-dialog").tryQuery().isEmpty());
        assertEquals("", model.noticeProperty().get(), "cancelled: nothing sent");

        ContextMenu again = openTileMenu(robot, "b");
        robot.interact(() -> again.getItems().get(3).fire());
        Await.until("the Remove dialog", LIMIT, () -> robot.lookup("#remove-confirm").tryQuery().isPresent());
        robot.clickOn("#remove-confirm");
        // Not connected: the request fails, and the room says so in words.
        Await.until("the failure in the notice", LIMIT, () -> model.noticeProperty().get().startsWith(
                Texts.get("owner.failed", "").strip()), () -> model.noticeProperty().get());
    }

    @Test
    void aRequestToMuteSaysWhoAskedAndMuteTurnsTheMicrophoneOff(FxRobot robot) {
        robot.interact(() -> model.onMuteRequested("Olga"));
        Label text = robot.lookup("#mute-request-text").queryAs(Label.class);
        assertEquals(Texts.get("room.muteAskedBy", "Olga"), text.getText());
        assertTrue(robot.lookup("#mute-request").query().isVisible());
        assertTrue(model.controls().microphoneOnProperty().get(), "a request changes nothing by itself");
        robot.clickOn("#mute-request-mute");
        assertFalse(robot.lookup("#mute-request").query().isVisible());
        // The usual microphone switch was thrown; this engine is in no room, so it says it failed.
        Await.until("the microphone switched", LIMIT, () -> model.noticeProperty().get().startsWith(
                Texts.get("media.failed.microphone", "").strip()), () -> model.noticeProperty().get());
    }

    @Test
    void theOwnersRenameDialogClosesOnEnterAndTheNewNameIsSent(FxRobot robot) {
        robot.interact(() -> model.ownerToken("token", () -> { }));
        robot.clickOn("#room-menu");
        robot.clickOn(Texts.get("owner.rename"));
        Await.until("the rename dialog", LIMIT, () -> robot.lookup("#rename-room-name").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#rename-room-name").queryTextInputControl().setText("Linear algebra"));
        robot.type(KeyCode.ENTER);
        Await.until("closed by Enter", LIMIT, () -> robot.lookup("#rename-room-name").tryQuery().isEmpty());
        Await.until("the request sent (and failed: not connected)", LIMIT,
                () -> !model.noticeProperty().get().isEmpty());
    }

    private ContextMenu openTileMenu(FxRobot robot, String id) {
        VideoTile tile = tile(robot, id);
        ContextMenu[] menu = new ContextMenu[1];
        robot.interact(() -> {
            menu[0] = contextMenuOf(tile);
        });
        return menu[0];
    }

    /** The menu a right click would show: asked of the grid's factory through a real event. */
    private static ContextMenu contextMenuOf(VideoTile tile) {
        javafx.geometry.Bounds b = tile.localToScreen(tile.getBoundsInLocal());
        tile.fireEvent(new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                10, 10, b.getMinX() + 10, b.getMinY() + 10, false, null));
        for (Window w : Window.getWindows()) {
            if (w instanceof ContextMenu m && m.isShowing()) {
                m.hide();
                return m;
            }
        }
        return null;
    }

    private static List<String> ids(ContextMenu menu) {
        return menu.getItems().stream().map(MenuItem::getId).toList();
    }

    private Participant participant(String id) {
        return model.participants().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private static VideoTile tile(FxRobot robot, String id) {
        Node n = robot.lookup(".video-tile").match(t -> ((VideoTile) t).participant().id().equals(id)).query();
        return (VideoTile) n;
    }
}

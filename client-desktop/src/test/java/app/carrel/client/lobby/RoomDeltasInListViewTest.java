package app.carrel.client.lobby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.carrel.protocol.Room;
import app.carrel.protocol.ServerMessage;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The selected room stays selected while deltas change the list under it (headless, Monocle):
 * applied in place, a changed room is one replaced row, which a ListView keeps selected. A whole
 * new list (what a v1 push did with setAll) clears the selection instead.
 */
class RoomDeltasInListViewTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private final ObservableList<Room> rooms = FXCollections.observableArrayList();
    private final ListView<Room> list = new ListView<>();

    private static <T> T onFx(Callable<T> task) throws Exception {
        return WaitForAsyncUtils.asyncFx(task).get(10, TimeUnit.SECONDS);
    }

    private Room selected() throws Exception {
        return onFx(() -> list.getSelectionModel().getSelectedItem());
    }

    private void apply(ServerMessage delta) throws Exception {
        onFx(() -> RoomDeltas.apply(rooms, delta));
    }

    @Test
    void theOnlyRoomStaysSelectedWhenItsCountChanges() throws Exception {
        onFx(() -> {
            rooms.add(new Room("a", "Algebra", 0, 4, false));
            list.setItems(rooms);
            list.getSelectionModel().select(0);
            return null;
        });
        Room fuller = new Room("a", "Algebra", 1, 4, false);
        apply(new ServerMessage.RoomChanged(fuller));
        assertEquals(fuller, selected());
    }

    @Test
    void theSelectedRoomFollowsItsRowAsOthersComeGoAndChange() throws Exception {
        onFx(() -> {
            rooms.setAll(new Room("a", "Algebra", 0, 4, false), new Room("b", "Biology", 0, 4, false),
                    new Room("c", "Chemistry", 0, 4, false));
            list.setItems(rooms);
            list.getSelectionModel().select(1);
            return null;
        });
        Room biology = new Room("b", "Biology", 0, 4, false);
        apply(new ServerMessage.RoomChanged(new Room("a", "Algebra", 2, 4, false)));
        apply(new ServerMessage.RoomAdded(new Room("d", "Drawing", 0, 4, false)));
        apply(new ServerMessage.RoomRemoved("a"));
        assertEquals(biology, selected());
        Room fuller = new Room("b", "Biology", 3, 4, false);
        apply(new ServerMessage.RoomChanged(fuller));
        assertEquals(fuller, selected());
        assertEquals(0, (int) onFx(() -> list.getSelectionModel().getSelectedIndex()));
    }

    @Test
    void aSelectedRoomThatGoesLeavesNothingSelectedElsewhere() throws Exception {
        onFx(() -> {
            rooms.setAll(new Room("a", "Algebra", 0, 4, false));
            list.setItems(rooms);
            list.getSelectionModel().select(0);
            return null;
        });
        apply(new ServerMessage.RoomRemoved("a"));
        apply(new ServerMessage.RoomAdded(new Room("b", "Biology", 0, 4, false)));
        assertNull(selected());
    }
}

package app.carrel.client.lobby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.protocol.Room;
import app.carrel.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** The server's lobby deltas applied to the lobby's list: in place, by id, a repeat harmless. */
class RoomDeltasTest {
    private static final Room ALGEBRA = new Room("a", "Algebra", 0, 4, false);
    private static final Room BIOLOGY = new Room("b", "Biology", 1, 8, true);
    private static final Room CHEMISTRY = new Room("c", "Chemistry", 2, 2, false);

    private final List<Room> rooms = new ArrayList<>(List.of(ALGEBRA, BIOLOGY));

    @Test
    void anAddedRoomIsAppended() {
        assertTrue(RoomDeltas.apply(rooms, new ServerMessage.RoomAdded(CHEMISTRY)));
        assertEquals(List.of(ALGEBRA, BIOLOGY, CHEMISTRY), rooms);
    }

    @Test
    void aChangedRoomIsReplacedWhereItIs() {
        Room fuller = new Room("a", "Algebra", 3, 4, false);
        RoomDeltas.apply(rooms, new ServerMessage.RoomChanged(fuller));
        assertEquals(List.of(fuller, BIOLOGY), rooms);
        assertSame(fuller, rooms.get(0));
    }

    @Test
    void aRemovedRoomIsGone() {
        RoomDeltas.apply(rooms, new ServerMessage.RoomRemoved("a"));
        assertEquals(List.of(BIOLOGY), rooms);
    }

    @Test
    void anUnknownIdIsPutOnChangeAndIgnoredOnRemove() {
        RoomDeltas.apply(rooms, new ServerMessage.RoomChanged(CHEMISTRY));
        assertEquals(List.of(ALGEBRA, BIOLOGY, CHEMISTRY), rooms, "a change of a room we missed still shows it");
        RoomDeltas.apply(rooms, new ServerMessage.RoomRemoved("nowhere"));
        assertEquals(List.of(ALGEBRA, BIOLOGY, CHEMISTRY), rooms);
    }

    @Test
    void anAddedRoomAlreadyListedIsReplacedNotDoubled() {
        Room renamed = new Room("b", "Biology II", 1, 8, true);
        RoomDeltas.apply(rooms, new ServerMessage.RoomAdded(renamed));
        assertEquals(List.of(ALGEBRA, renamed), rooms);
    }

    @Test
    void aDeltaThatRepeatsTheListChangesNothingAViewWouldSee() {
        ObservableList<Room> observed = FXCollections.observableArrayList(rooms);
        List<String> changes = new ArrayList<>();
        observed.addListener((ListChangeListener<Room>) c -> changes.add(c.toString()));
        RoomDeltas.apply(observed, new ServerMessage.RoomChanged(BIOLOGY));
        RoomDeltas.apply(observed, new ServerMessage.RoomAdded(ALGEBRA));
        assertEquals(List.of(), changes);
        RoomDeltas.apply(observed, new ServerMessage.RoomChanged(new Room("b", "Biology", 2, 8, true)));
        assertEquals(1, changes.size(), "one row replaced, not a new list: " + changes);
    }

    @Test
    void otherMessagesAreNotDeltas() {
        assertFalse(RoomDeltas.apply(rooms, new ServerMessage.Rooms(null, List.of())));
        assertEquals(List.of(ALGEBRA, BIOLOGY), rooms);
    }
}

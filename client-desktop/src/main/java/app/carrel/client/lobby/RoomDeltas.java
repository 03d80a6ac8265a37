package app.carrel.client.lobby;

import app.carrel.protocol.Room;
import app.carrel.protocol.ServerMessage;
import java.util.List;

/**
 * Applies the server's lobby deltas (room-added / room-changed / room-removed, docs/protocol.md
 * §12) to a room list, in place, so a list view sees one replaced, appended or removed row rather
 * than a new list. A delta carries the room's whole state and may repeat what the first list
 * already showed (pushes coalesce on the server), so added and changed both put the room by id
 * (replaced where it is, else appended) and removing an id not in the list does nothing.
 */
final class RoomDeltas {

    private RoomDeltas() {
    }

    /** True when {@code message} was a lobby delta (and is now applied). */
    static boolean apply(List<Room> rooms, ServerMessage message) {
        if (message instanceof ServerMessage.RoomAdded added) {
            put(rooms, added.room());
        } else if (message instanceof ServerMessage.RoomChanged changed) {
            put(rooms, changed.room());
        } else if (message instanceof ServerMessage.RoomRemoved removed) {
            int at = indexOf(rooms, removed.room());
            if (at >= 0) {
                rooms.remove(at);
            }
        } else {
            return false;
        }
        return true;
    }

    private static void put(List<Room> rooms, Room room) {
        int at = indexOf(rooms, room.id());
        if (at < 0) {
            rooms.add(room);
        } else if (!rooms.get(at).equals(room)) {
            rooms.set(at, room);
        }
    }

    private static int indexOf(List<Room> rooms, String id) {
        for (int i = 0; i < rooms.size(); i++) {
            if (rooms.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}

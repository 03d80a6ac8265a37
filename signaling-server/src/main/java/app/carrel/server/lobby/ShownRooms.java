package app.carrel.server.lobby;

import app.carrel.protocol.Room;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.rooms.Outbox;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the lobby's subscribers were last told, room by room in creation order, each room kept with
 * the JSON it is written as. A room compared with what was shown gives the delta to send (encoded
 * once, for every subscriber); the kept JSON joined gives the v1 full list without encoding any
 * room again, and that list is kept until the next change. Costs one more copy of the list's JSON
 * in memory (~110 bytes of JSON a room, plus the record and the map entry). Owned by {@link LobbyFeed}, rooms thread only.
 */
final class ShownRooms {
    private record Shown(Room room, byte[] json) {
    }

    private final Outbox outbox;
    private final RoomListJson listJson;
    private final Map<String, Shown> shown = new LinkedHashMap<>();
    private int jsonBytes;
    /** The v1 list of what is shown, or null until asked for after a change. */
    private byte[] fullList;

    ShownRooms(Outbox outbox) {
        this.outbox = outbox;
        this.listJson = new RoomListJson(outbox);
    }

    /** Forgets what was shown and shows {@code rooms} instead, sending nothing. */
    void reset(Collection<LiveRoom> rooms) {
        shown.clear();
        jsonBytes = 0;
        fullList = null;
        for (LiveRoom room : rooms) {
            put(room.toRoom());
        }
    }

    /**
     * Shows the room with this id as it is now ({@code live}, null when it is gone) and returns the
     * message that tells a subscriber so, encoded; null when nothing the list shows changed.
     */
    byte[] update(String id, LiveRoom live) {
        Shown before = shown.get(id);
        if (live == null) {
            if (before == null) {
                return null;
            }
            remove(id);
            return encode(new ServerMessage.RoomRemoved(id));
        }
        Room now = live.toRoom();
        if (before != null && before.room().equals(now)) {
            return null;
        }
        put(now);
        return encode(before == null ? new ServerMessage.RoomAdded(now) : new ServerMessage.RoomChanged(now));
    }

    /** Ids shown now, a copy (a rescan removes while it walks). */
    List<String> ids() {
        return new ArrayList<>(shown.keySet());
    }

    /** The v1 {@code rooms} push of what is shown. */
    byte[] fullList() {
        if (fullList == null) {
            fullList = listJson.list(shown.values().stream().map(Shown::json).toList(), jsonBytes);
        }
        return fullList;
    }

    private void put(Room room) {
        byte[] json = listJson.room(room);
        Shown old = shown.put(room.id(), new Shown(room, json));
        jsonBytes += json.length - (old == null ? 0 : old.json().length);
        fullList = null;
    }

    private void remove(String id) {
        Shown old = shown.remove(id);
        jsonBytes -= old.json().length;
        fullList = null;
    }

    private byte[] encode(ServerMessage message) {
        return outbox.encode(message).getBytes(StandardCharsets.UTF_8);
    }
}

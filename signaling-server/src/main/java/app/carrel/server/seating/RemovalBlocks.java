package app.carrel.server.seating;

import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.LiveRoom;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Who the owner removed from which room, and until when: by the removed participant's last
 * resume token (its hash) and by the connection it sat on. Without accounts that is all a server
 * can recognise: a person who opens a new connection and does not present the old token is a
 * stranger to it (docs/protocol.md §10 says so, and that a password keeps people out for sure).
 * Kept in memory only: a restart forgets the blocks. Rooms thread only.
 */
public final class RemovalBlocks {
    private final Map<String, Long> tokens = new HashMap<>();
    private final Map<Connection, Map<String, Long>> connections = new HashMap<>();

    /** Blocks the token (hash) and the connection from {@code room} until {@code until} (epoch ms). */
    public void block(LiveRoom room, String resumeHash, Connection connection, long until) {
        tokens.put(key(room, resumeHash), until);
        if (connection != null) {
            connections.computeIfAbsent(connection, c -> new HashMap<>()).put(room.id(), until);
        }
    }

    /** Whether a join into {@code room} on {@code c}, presenting {@code resumeHash} (may be null), is refused. */
    boolean blocked(LiveRoom room, Connection c, String resumeHash, long now) {
        prune(now);
        if (resumeHash != null && tokens.containsKey(key(room, resumeHash))) {
            return true;
        }
        Map<String, Long> rooms = connections.get(c);
        return rooms != null && rooms.containsKey(room.id());
    }

    /** A deleted room's blocks go with it. */
    public void forget(LiveRoom room) {
        String prefix = room.id() + " ";
        tokens.keySet().removeIf(k -> k.startsWith(prefix));
        connections.values().forEach(rooms -> rooms.remove(room.id()));
        connections.values().removeIf(Map::isEmpty);
    }

    private void prune(long now) {
        tokens.values().removeIf(until -> until <= now);
        for (Iterator<Map<String, Long>> it = connections.values().iterator(); it.hasNext(); ) {
            Map<String, Long> rooms = it.next();
            rooms.values().removeIf(until -> until <= now);
            if (rooms.isEmpty()) {
                it.remove();
            }
        }
    }

    private static String key(LiveRoom room, String resumeHash) {
        return room.id() + " " + resumeHash;
    }
}

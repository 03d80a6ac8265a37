package app.carrel.server.chat;

import app.carrel.protocol.ServerMessage;
import app.carrel.server.rooms.LiveRoom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every room's {@link ChatLog}, by room id; a room that never chatted gets one on its first line.
 * A deleted room's log goes with it ({@link #forget}). Owned by the rooms thread.
 */
public final class ChatLogs {
    private final Map<String, ChatLog> logs = new HashMap<>();

    public ChatLog of(LiveRoom room) {
        return logs.computeIfAbsent(room.id(), id -> new ChatLog(0));
    }

    /** What {@code joined.chat} replays, oldest first. */
    public List<ServerMessage.Chat> replay(LiveRoom room) {
        ChatLog log = logs.get(room.id());
        return log == null ? List.of() : log.replay();
    }

    /** The room was deleted. */
    public void forget(LiveRoom room) {
        logs.remove(room.id());
    }

    /** A room's log as the database left it, installed at start before any request. */
    public void restore(String roomId, ChatLog log) {
        logs.put(roomId, log);
    }
}

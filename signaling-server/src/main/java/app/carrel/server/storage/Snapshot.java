package app.carrel.server.storage;

import java.util.List;
import java.util.Map;

/**
 * Everything a starting server reads back: rooms in creation order, participants still seated,
 * the newest chat lines of each room (oldest first) with the room's highest seq, and timers.
 */
public record Snapshot(List<StoredRoom> rooms,
                       List<StoredParticipant> seated,
                       Map<String, List<StoredChat>> chatTails,
                       Map<String, Long> lastChatSeq,
                       List<StoredTimer> timers) {
}

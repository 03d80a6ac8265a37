package app.carrel.server.chat;

import app.carrel.protocol.ServerMessage;
import app.carrel.server.storage.Storage;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A room's chat as {@code joined} replays it: the newest lines, oldest first, and the next
 * {@code seq}. The database holds the full history. Owned by the rooms thread.
 */
public final class ChatLog {
    private final ArrayDeque<ServerMessage.Chat> recent = new ArrayDeque<>(Storage.CHAT_REPLAY);
    private long lastSeq;

    public ChatLog(long lastSeq) {
        this.lastSeq = lastSeq;
    }

    public long nextSeq() {
        return ++lastSeq;
    }

    /** Lines must arrive in seq order. */
    public void add(ServerMessage.Chat line) {
        if (recent.size() == Storage.CHAT_REPLAY) {
            recent.removeFirst();
        }
        recent.addLast(line);
    }

    public List<ServerMessage.Chat> replay() {
        return List.copyOf(recent);
    }
}

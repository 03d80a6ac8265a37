package app.carrel.server.chat;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TextRules;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.rooms.Outbox;
import app.carrel.server.rooms.Participant;
import app.carrel.server.rooms.RoomsExecutor;
import app.carrel.server.storage.Storage;
import app.carrel.server.storage.StoredChat;

/** {@code chat}: numbered, kept for replay, persisted, sent to the whole room. Rooms thread only. */
public final class ChatHandler {
    private final ChatLogs logs;
    private final Outbox outbox;
    private final Storage storage;
    private final RoomsExecutor executor;

    public ChatHandler(ChatLogs logs, Outbox outbox, Storage storage, RoomsExecutor executor) {
        this.logs = logs;
        this.outbox = outbox;
        this.storage = storage;
        this.executor = executor;
    }

    public void onChat(Connection c, Participant from, ClientMessage.Chat m) {
        if (!TextRules.validChat(m.text())) {
            outbox.error(c, m.id(), ErrorCode.INVALID_CHAT, "Chat text is 1-" + TextRules.MAX_CHAT + " characters");
            return;
        }
        LiveRoom room = from.room();
        ChatLog log = logs.of(room);
        long at = executor.now();
        ServerMessage.Chat line = new ServerMessage.Chat(null, from.id(), from.name(), m.text(), at, log.nextSeq());
        log.add(line);
        storage.chatPosted(new StoredChat(room.id(), line.seq(), from.id(), from.name(), line.text(), at));
        // The sender's copy is its direct answer, so it alone carries the request id.
        outbox.send(c, line.withId(m.id()));
        outbox.broadcast(room, line, from);
    }
}

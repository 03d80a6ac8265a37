package app.carrel.server.chat;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TextRules;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.rooms.Participant;
import app.carrel.server.rooms.RoomsContext;
import app.carrel.server.storage.StoredChat;

/** {@code chat}: numbered, kept for replay, persisted, sent to the whole room. Rooms thread only. */
public final class ChatHandler {
    private final RoomsContext ctx;

    public ChatHandler(RoomsContext ctx) {
        this.ctx = ctx;
    }

    public void onChat(Connection c, Participant from, ClientMessage.Chat m) {
        if (!TextRules.validChat(m.text())) {
            ctx.outbox().error(c, m.id(), ErrorCode.INVALID_CHAT,
                    "Chat text is 1-" + TextRules.MAX_CHAT + " characters");
            return;
        }
        LiveRoom room = from.room();
        long at = ctx.executor().now();
        ServerMessage.Chat line = new ServerMessage.Chat(null, from.id(), from.name(), m.text(), at,
                room.chat().nextSeq());
        room.chat().add(line);
        ctx.storage().chatPosted(new StoredChat(room.id(), line.seq(), from.id(), from.name(), line.text(), at));
        // The sender's copy is its direct answer, so it alone carries the request id.
        ctx.outbox().send(c, line.withId(m.id()));
        ctx.outbox().broadcast(room, line, from);
    }
}

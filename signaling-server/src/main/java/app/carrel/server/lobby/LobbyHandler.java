package app.carrel.server.lobby;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TextRules;
import app.carrel.server.chat.ChatLog;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.rooms.RoomsContext;
import app.carrel.server.storage.StoredRoom;
import java.math.BigInteger;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code list-rooms} and {@code create-room}. Rooms thread only. */
public final class LobbyHandler {
    private static final Logger LOG = LoggerFactory.getLogger(LobbyHandler.class);

    private final RoomsContext ctx;

    public LobbyHandler(RoomsContext ctx) {
        this.ctx = ctx;
    }

    public void onListRooms(Connection c, ClientMessage.ListRooms m) {
        if (c.participant() == null) {
            ctx.lobby().subscribe(c);
        }
        ctx.outbox().send(c, new ServerMessage.Rooms(m.id(), ctx.lobby().rooms()));
    }

    public void onCreateRoom(Connection c, ClientMessage.CreateRoom m) {
        String name = TextRules.roomName(m.name());
        if (name == null) {
            ctx.outbox().error(c, m.id(), ErrorCode.INVALID_ROOM_NAME,
                    "A room name is 1-" + TextRules.MAX_ROOM_NAME + " characters without control characters");
            return;
        }
        BigInteger requested = m.capacity() == null ? BigInteger.valueOf(ctx.maxCapacity()) : m.capacity();
        if (requested.compareTo(BigInteger.valueOf(TextRules.MIN_CAPACITY)) < 0
                || requested.compareTo(BigInteger.valueOf(ctx.maxCapacity())) > 0) {
            ctx.outbox().error(c, m.id(), ErrorCode.INVALID_CAPACITY,
                    "Capacity must be " + TextRules.MIN_CAPACITY + "-" + ctx.maxCapacity() + ", was " + requested);
            return;
        }
        int capacity = requested.intValueExact();
        String password = m.password();
        if (password == null || password.isEmpty()) {
            create(c, m.id(), name, capacity, null);
            return;
        }
        ctx.order().await(c, m.id(), () -> ctx.hasher().hash(password), (hash, failure) -> {
            if (failure != null) {
                LOG.error("Hashing a room password failed", failure);
                ctx.outbox().error(c, m.id(), ErrorCode.SERVER_ERROR, "The room could not be created");
            } else {
                create(c, m.id(), name, capacity, hash);
            }
        });
    }

    private void create(Connection c, String requestId, String name, int capacity, String passwordHash) {
        LiveRoom room = new LiveRoom(UUID.randomUUID().toString(), name, capacity, passwordHash, new ChatLog(0));
        ctx.directory().addRoom(room);
        ctx.storage().roomCreated(new StoredRoom(room.id(), name, capacity, passwordHash, ctx.executor().now()));
        LOG.info("Room {} '{}' created (capacity {}, {})", room.id(), name, capacity,
                room.locked() ? "locked" : "open");
        ctx.outbox().send(c, new ServerMessage.RoomCreated(requestId, room.toRoom()));
        ctx.lobby().changed();
    }
}

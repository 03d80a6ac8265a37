package app.carrel.server.lobby;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TextRules;
import app.carrel.server.access.AccessGate;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.rooms.Outbox;
import app.carrel.server.rooms.RequestOrder;
import app.carrel.server.rooms.RoomDirectory;
import app.carrel.server.rooms.RoomSizes;
import app.carrel.server.rooms.RoomsExecutor;
import app.carrel.server.rooms.StudySettings;
import app.carrel.server.security.PasswordHasher;
import app.carrel.server.security.ResumeTokens;
import app.carrel.server.storage.Storage;
import app.carrel.server.storage.StoredRoom;
import java.math.BigInteger;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code list-rooms} and {@code create-room}. Rooms thread only. */
public final class LobbyHandler {
    private static final Logger LOG = LoggerFactory.getLogger(LobbyHandler.class);

    private final LobbyFeed lobby;
    private final RoomDirectory directory;
    private final Outbox outbox;
    private final RequestOrder order;
    private final PasswordHasher hasher;
    private final Storage storage;
    private final RoomsExecutor executor;
    private final RoomSizes sizes;
    private final AccessGate access;

    public LobbyHandler(LobbyFeed lobby, RoomDirectory directory, Outbox outbox, RequestOrder order,
                        PasswordHasher hasher, Storage storage, RoomsExecutor executor, RoomSizes sizes,
                        AccessGate access) {
        this.access = access;
        this.lobby = lobby;
        this.directory = directory;
        this.outbox = outbox;
        this.order = order;
        this.hasher = hasher;
        this.storage = storage;
        this.executor = executor;
        this.sizes = sizes;
    }

    public void onListRooms(Connection c, ClientMessage.ListRooms m) {
        if (c.participant() == null) {
            lobby.subscribe(c, m.wantsDeltas());
        }
        outbox.send(c, new ServerMessage.Rooms(m.id(), lobby.rooms()));
    }

    public void onCreateRoom(Connection c, ClientMessage.CreateRoom m) {
        StudySettings study = studySettings(c, m);
        if (study == null) {
            return;
        }
        String name = TextRules.roomName(m.name());
        if (name == null) {
            outbox.error(c, m.id(), ErrorCode.INVALID_ROOM_NAME,
                    "A room name is 1-" + TextRules.MAX_ROOM_NAME + " characters without control characters");
            return;
        }
        BigInteger requested = m.capacity() == null ? BigInteger.valueOf(sizes.largest()) : m.capacity();
        if (requested.compareTo(BigInteger.valueOf(TextRules.MIN_CAPACITY)) < 0
                || requested.compareTo(BigInteger.valueOf(sizes.largest())) > 0) {
            outbox.error(c, m.id(), ErrorCode.INVALID_CAPACITY, sizes.refusal(requested));
            return;
        }
        int capacity = requested.intValueExact();
        // Counted before the password is hashed, so a flood of locked rooms costs no hashing either.
        String roomId = UUID.randomUUID().toString();
        if (!access.mayCreateRoom(c, m.id(), roomId)) {
            return;
        }
        String password = m.password();
        if (password == null || password.isEmpty()) {
            create(c, m.id(), roomId, name, capacity, null, study);
            return;
        }
        order.await(c, m.id(), () -> hasher.hash(password), (hash, failure) -> {
            if (failure != null) {
                LOG.error("Hashing a room password failed", failure);
                access.roomRemoved(roomId);
                outbox.error(c, m.id(), ErrorCode.SERVER_ERROR, "The room could not be created");
            } else {
                create(c, m.id(), roomId, name, capacity, hash, study);
            }
        });
    }

    /**
     * The study settings asked for (docs/protocol.md §13), or null after answering
     * {@code bad-request}: out-of-range settings are malformed, like a timer's seconds.
     */
    private StudySettings studySettings(Connection c, ClientMessage.CreateRoom m) {
        int every = m.longBreakEvery() == null ? 0 : m.longBreakEvery();
        if (every != 0 && (every < TextRules.MIN_LONG_BREAK_EVERY || every > TextRules.MAX_LONG_BREAK_EVERY)) {
            outbox.error(c, m.id(), ErrorCode.BAD_REQUEST, "'longBreakEvery' must be 0 or "
                    + TextRules.MIN_LONG_BREAK_EVERY + "-" + TextRules.MAX_LONG_BREAK_EVERY);
            return null;
        }
        if (m.longBreakSeconds() != null && every == 0) {
            outbox.error(c, m.id(), ErrorCode.BAD_REQUEST, "'longBreakSeconds' needs 'longBreakEvery'");
            return null;
        }
        int seconds = m.longBreakSeconds() == null ? TextRules.DEFAULT_LONG_BREAK_SECONDS : m.longBreakSeconds();
        if (seconds < TextRules.MIN_LONG_BREAK_SECONDS || seconds > TextRules.MAX_LONG_BREAK_SECONDS) {
            outbox.error(c, m.id(), ErrorCode.BAD_REQUEST, "'longBreakSeconds' must be "
                    + TextRules.MIN_LONG_BREAK_SECONDS + "-" + TextRules.MAX_LONG_BREAK_SECONDS);
            return null;
        }
        return new StudySettings(m.quietRoom(), every, every == 0 ? 0 : seconds);
    }

    private void create(Connection c, String requestId, String roomId, String name, int capacity,
                        String passwordHash, StudySettings study) {
        LiveRoom room = new LiveRoom(roomId, name, capacity, passwordHash, sizes.hall(capacity), study);
        // The creator owns the room: the token goes to it once, the server keeps its hash.
        String ownerToken = ResumeTokens.generate();
        room.ownerHash(ResumeTokens.hash(ownerToken));
        long now = executor.now();
        room.emptySince(now);
        directory.addRoom(room);
        storage.roomCreated(new StoredRoom(room.id(), name, capacity, passwordHash, now, room.ownerHash(), false, now,
                study.quiet(), study.longBreakEvery(), study.longBreakSeconds()));
        LOG.info("Room {} '{}' created (capacity {}, {}, {}{}{})", room.id(), name, capacity,
                room.locked() ? "locked" : "open", room.hall() ? "hall" : "mesh", study.quiet() ? ", quiet" : "",
                study.longBreaks() ? ", long break every " + study.longBreakEvery() : "");
        outbox.send(c, new ServerMessage.RoomCreated(requestId, room.toRoom(), ownerToken));
        lobby.changed(room);
    }
}

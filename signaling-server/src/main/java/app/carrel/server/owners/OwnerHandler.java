package app.carrel.server.owners;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TextRules;
import app.carrel.server.lobby.LobbyFeed;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.rooms.Outbox;
import app.carrel.server.rooms.Participant;
import app.carrel.server.rooms.RequestOrder;
import app.carrel.server.rooms.RoomDirectory;
import app.carrel.server.rooms.RoomSizes;
import app.carrel.server.security.PasswordHasher;
import app.carrel.server.storage.Storage;
import java.math.BigInteger;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code update-room} and {@code delete-room}, for the holder of the room's owner token, seated in
 * the room or not. Checks run in this order: room-not-found, not-owner, invalid-room-name,
 * invalid-capacity. Rooms thread only.
 */
public final class OwnerHandler {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerHandler.class);

    private final Ownership ownership;
    private final Outbox outbox;
    private final RequestOrder order;
    private final PasswordHasher hasher;
    private final Storage storage;
    private final LobbyFeed lobby;
    private final RoomSizes sizes;
    private final RoomDeletion deletion;

    public OwnerHandler(RoomDirectory directory, Outbox outbox, RequestOrder order, PasswordHasher hasher,
                        Storage storage, LobbyFeed lobby, RoomSizes sizes, RoomDeletion deletion) {
        this.ownership = new Ownership(directory, outbox);
        this.outbox = outbox;
        this.order = order;
        this.hasher = hasher;
        this.storage = storage;
        this.lobby = lobby;
        this.sizes = sizes;
        this.deletion = deletion;
    }

    public void onUpdateRoom(Connection c, ClientMessage.UpdateRoom m) {
        LiveRoom room = ownership.owned(c, m.id(), m.room(), m.owner());
        if (room == null) {
            return;
        }
        RoomChange change = RoomChange.check(room, m.name(), m.capacity(), sizes);
        if (change.refusal() != null) {
            outbox.error(c, m.id(), change.refusal(), change.reason());
            return;
        }
        String password = m.password();
        if (password == null || password.isEmpty()) {
            apply(c, m, room, change, password == null ? room.passwordHash() : null);
            return;
        }
        order.await(c, m.id(), () -> hasher.hash(password), (hash, failure) -> {
            if (failure != null) {
                LOG.error("Hashing a room password failed", failure);
                outbox.error(c, m.id(), ErrorCode.SERVER_ERROR, "The room could not be changed");
            } else if (room == ownership.stillThere(room.id())) {
                apply(c, m, room, change, hash);
            } else {
                outbox.error(c, m.id(), ErrorCode.ROOM_NOT_FOUND, "Room '" + room.name() + "' was deleted");
            }
        });
    }

    private void apply(Connection c, ClientMessage.UpdateRoom m, LiveRoom room, RoomChange change,
                       String passwordHash) {
        Participant actor = Ownership.seatedIn(c, room);
        String by = Ownership.actorId(actor);
        boolean keep = m.keep() == null ? room.keep() : m.keep();
        if (change.name().equals(room.name()) && change.capacity() == room.capacity() && keep == room.keep()
                && Objects.equals(passwordHash, room.passwordHash())) {
            // Nothing changes (the app asks for the room's state as its menu opens): just answer.
            outbox.send(c, new ServerMessage.RoomUpdated(m.id(), room.toRoom(), keep, by));
            return;
        }
        change.applyTo(room);
        room.passwordHash(passwordHash);
        room.keep(keep);
        storage.roomChanged(room.id(), room.name(), room.capacity(), passwordHash, keep);
        LOG.info("Room {} changed by {}: '{}', capacity {}, {}, keep {}", room.id(), by, room.name(),
                room.capacity(), room.locked() ? "locked" : "open", keep);
        outbox.send(c, new ServerMessage.RoomUpdated(m.id(), room.toRoom(), keep, by));
        tellMembers(room, new ServerMessage.RoomUpdated(null, room.toRoom(), null, by), actor);
        lobby.changed(room);
    }

    /** Members who understand {@code room-updated}; v1 clients see the change in the lobby only. */
    static void tellMembers(LiveRoom room, ServerMessage.RoomUpdated message, Participant except, Outbox outbox) {
        String json = null;
        for (Participant p : room.seated()) {
            Connection c = p.connection();
            if (p != except && c != null && c.moderation()) {
                if (json == null) {
                    json = outbox.encode(message);
                }
                c.send(json);
            }
        }
    }

    private void tellMembers(LiveRoom room, ServerMessage.RoomUpdated message, Participant except) {
        tellMembers(room, message, except, outbox);
    }

    public void onDeleteRoom(Connection c, ClientMessage.DeleteRoom m) {
        LiveRoom room = ownership.owned(c, m.id(), m.room(), m.owner());
        if (room == null) {
            return;
        }
        Participant actor = Ownership.seatedIn(c, room);
        String by = Ownership.actorId(actor);
        LOG.info("Room {} '{}' deleted by {} ({} seated)", room.id(), room.name(), by, room.seated().size());
        String byName = actor == null ? null : actor.name();
        if (actor != null) {
            // It sent an owner request, so it understands the answer, seated or not.
            c.moderation(true);
            deletion.delete(room, RoomDeletion.BY_OWNER, by, byName, c, m.id());
        } else {
            deletion.delete(room, RoomDeletion.BY_OWNER, by, byName);
            outbox.send(c, new ServerMessage.RoomDeleted(m.id(), room.id(), RoomDeletion.BY_OWNER, by, byName));
        }
    }

    /** Checked name and capacity of an {@code update-room} (absent fields keep the room's). */
    record RoomChange(String name, int capacity, ErrorCode refusal, String reason) {
        static RoomChange check(LiveRoom room, String requestedName, BigInteger requestedCapacity, RoomSizes sizes) {
            String name = room.name();
            if (requestedName != null) {
                name = TextRules.roomName(requestedName);
                if (name == null) {
                    return refused(ErrorCode.INVALID_ROOM_NAME, "A room name is 1-" + TextRules.MAX_ROOM_NAME
                            + " characters without control characters");
                }
            }
            int capacity = room.capacity();
            if (requestedCapacity != null) {
                if (requestedCapacity.compareTo(BigInteger.valueOf(TextRules.MIN_CAPACITY)) < 0
                        || requestedCapacity.compareTo(BigInteger.valueOf(sizes.largest())) > 0) {
                    return refused(ErrorCode.INVALID_CAPACITY, sizes.refusal(requestedCapacity));
                }
                capacity = requestedCapacity.intValueExact();
                if (capacity < room.seated().size()) {
                    return refused(ErrorCode.INVALID_CAPACITY, room.seated().size() + " people are in room '"
                            + room.name() + "': its capacity cannot go below that");
                }
                if (sizes.hall(capacity) != room.hall()) {
                    return refused(ErrorCode.INVALID_CAPACITY, room.hall()
                            ? "A study hall stays a study hall: its capacity must stay above " + sizes.meshMax()
                            : "A mesh room stays a mesh room: its capacity must stay at most " + sizes.meshMax());
                }
            }
            return new RoomChange(name, capacity, null, null);
        }

        private static RoomChange refused(ErrorCode code, String reason) {
            return new RoomChange(null, 0, code, reason);
        }

        void applyTo(LiveRoom room) {
            room.rename(name);
            room.capacity(capacity);
        }
    }
}

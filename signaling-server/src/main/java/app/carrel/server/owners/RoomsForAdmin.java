package app.carrel.server.owners;

import app.carrel.protocol.ServerMessage;
import app.carrel.server.admin.AdminRooms;
import app.carrel.server.lobby.LobbyFeed;
import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.rooms.Outbox;
import app.carrel.server.rooms.RoomDirectory;
import app.carrel.server.rooms.RoomSizes;
import app.carrel.server.rooms.RoomsExecutor;
import app.carrel.server.storage.Storage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's room commands, run on the rooms thread with the same rules and effects as the
 * owner's: a rename shows in the lobby and to the room, a deletion tells everyone in it. The admin
 * acts on every room, owned or not. Called from the admin HTTP thread; each call hops.
 */
public final class RoomsForAdmin implements AdminRooms {
    private static final Logger LOG = LoggerFactory.getLogger(RoomsForAdmin.class);
    private static final String ADMIN = "admin";

    private final RoomDirectory directory;
    private final RoomsExecutor executor;
    private final RoomDeletion deletion;
    private final Storage storage;
    private final LobbyFeed lobby;
    private final Outbox outbox;
    private final RoomSizes sizes;

    public RoomsForAdmin(RoomDirectory directory, RoomsExecutor executor, RoomDeletion deletion, Storage storage,
                         LobbyFeed lobby, Outbox outbox, RoomSizes sizes) {
        this.directory = directory;
        this.executor = executor;
        this.deletion = deletion;
        this.storage = storage;
        this.lobby = lobby;
        this.outbox = outbox;
        this.sizes = sizes;
    }

    @Override
    public CompletableFuture<List<AdminRoom>> list() {
        return onRoomsThread(() -> {
            List<AdminRoom> rooms = new ArrayList<>();
            for (LiveRoom room : directory.rooms()) {
                rooms.add(view(room));
            }
            return rooms;
        });
    }

    @Override
    public CompletableFuture<AdminRoom> update(String id, String name, Integer capacity, Boolean keep) {
        return onRoomsThread(() -> {
            LiveRoom room = existing(id);
            OwnerHandler.RoomChange change = OwnerHandler.RoomChange.check(room, name,
                    capacity == null ? null : BigInteger.valueOf(capacity), sizes);
            if (change.refusal() != null) {
                throw new Refused(400, change.refusal().wire(), change.reason());
            }
            change.applyTo(room);
            if (keep != null) {
                room.keep(keep);
            }
            storage.roomChanged(room.id(), room.name(), room.capacity(), room.passwordHash(), room.keep());
            LOG.info("Room {} changed by admin: '{}', capacity {}, keep {}", room.id(), room.name(), room.capacity(),
                    room.keep());
            OwnerHandler.tellMembers(room, new ServerMessage.RoomUpdated(null, room.toRoom(), null, ADMIN), null,
                    outbox);
            lobby.changed(room);
            return view(room);
        });
    }

    @Override
    public CompletableFuture<Void> delete(String id) {
        return onRoomsThread(() -> {
            LiveRoom room = existing(id);
            LOG.info("Room {} '{}' deleted by admin ({} seated)", room.id(), room.name(), room.seated().size());
            deletion.delete(room, RoomDeletion.BY_ADMIN, ADMIN, null);
            return null;
        });
    }

    private LiveRoom existing(String id) {
        LiveRoom room = directory.room(id);
        if (room == null) {
            throw new Refused(404, "room-not-found", "No room with id '" + id + "'");
        }
        return room;
    }

    private static AdminRoom view(LiveRoom room) {
        boolean empty = room.seated().isEmpty();
        return new AdminRoom(room.id(), room.name(), room.seated().size(), room.capacity(), room.locked(), room.hall(),
                room.ownerHash() != null, room.keep(), empty ? room.emptySince() : null);
    }

    private <T> CompletableFuture<T> onRoomsThread(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}

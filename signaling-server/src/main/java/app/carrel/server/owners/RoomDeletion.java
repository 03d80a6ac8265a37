package app.carrel.server.owners;

import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.chat.ChatLogs;
import app.carrel.server.lobby.LobbyFeed;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.rooms.Participant;
import app.carrel.server.rooms.RoomDirectory;
import app.carrel.server.seating.RemovalBlocks;
import app.carrel.server.seating.Seating;
import app.carrel.server.storage.Storage;
import app.carrel.server.timer.RoomTimers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one way a room ends, whoever ends it (its owner, the admin, the expiry of empty rooms):
 * everyone in it is told and returned to the lobby, a study hall's VideoRoom goes with its last
 * member ({@code Halls.unseated}), then the room, its chat, timer and blocks are forgotten and
 * deleted from the database, and the lobby updates. Rooms thread only.
 */
public final class RoomDeletion {
    /** Why a room ended, as {@code room-deleted.reason} says it. */
    public static final String BY_OWNER = "owner";
    public static final String BY_ADMIN = "admin";
    public static final String EXPIRED = "expired";

    private final RoomDirectory directory;
    private final Seating seating;
    private final ChatLogs chat;
    private final RoomTimers timers;
    private final RemovalBlocks blocks;
    private final Storage storage;
    private final LobbyFeed lobby;
    private final Consumer<String> gone;

    /** {@code gone}: told each deleted room's id (the per-address room counts free its place). */
    public RoomDeletion(RoomDirectory directory, Seating seating, ChatLogs chat, RoomTimers timers,
                        RemovalBlocks blocks, Storage storage, LobbyFeed lobby, Consumer<String> gone) {
        this.gone = gone;
        this.directory = directory;
        this.seating = seating;
        this.chat = chat;
        this.timers = timers;
        this.blocks = blocks;
        this.storage = storage;
        this.lobby = lobby;
    }

    /** {@code by}: the acting participant's id, or the reason's word; {@code byName} may be null. */
    public void delete(LiveRoom room, String reason, String by, String byName) {
        delete(room, reason, by, byName, null, null);
    }

    /**
     * As above; a participant seated on {@code requester} gets the copy with {@code requestId}, its
     * answer, instead of the room's.
     */
    public void delete(LiveRoom room, String reason, String by, String byName, Connection requester,
                       String requestId) {
        ServerMessage.RoomDeleted told = new ServerMessage.RoomDeleted(null, room.id(), reason, by, byName);
        String v1Message = switch (reason) {
            case EXPIRED -> "Room '" + room.name() + "' was deleted";
            case BY_ADMIN -> "Room '" + room.name() + "' was deleted by the server's administrator";
            default -> "Room '" + room.name() + "' was deleted by its owner";
        };
        List<Participant> seated = new ArrayList<>(room.seated());
        for (Participant p : seated) {
            boolean asker = requester != null && p.connection() == requester;
            seating.evict(p, asker ? new ServerMessage.RoomDeleted(requestId, room.id(), reason, by, byName) : told,
                    ErrorCode.ROOM_DELETED, v1Message, false);
        }
        directory.removeRoom(room);
        chat.forget(room);
        timers.forget(room);
        blocks.forget(room);
        storage.roomDeleted(room.id());
        gone.accept(room.id());
        lobby.changed(room);
    }
}

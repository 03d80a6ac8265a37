package app.carrel.server.owners;

import app.carrel.protocol.ErrorCode;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.rooms.Outbox;
import app.carrel.server.rooms.Participant;
import app.carrel.server.rooms.RoomDirectory;
import app.carrel.server.security.ResumeTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The first checks of every owner request, in the contract's order: the room exists
 * ({@code room-not-found}), the token is its owner's ({@code not-owner}). Also who the actor is, as
 * the room and the log name it. Rooms thread only.
 */
final class Ownership {
    private final RoomDirectory directory;
    private final Outbox outbox;

    Ownership(RoomDirectory directory, Outbox outbox) {
        this.directory = directory;
        this.outbox = outbox;
    }

    /** The room the owner token proves ownership of, or null after answering the refusal. */
    LiveRoom owned(Connection c, String requestId, String roomId, String ownerToken) {
        LiveRoom room = directory.room(roomId);
        if (room == null) {
            outbox.error(c, requestId, ErrorCode.ROOM_NOT_FOUND, "No room with id '" + roomId + "'");
            return null;
        }
        if (!proves(room, ownerToken)) {
            outbox.error(c, requestId, ErrorCode.NOT_OWNER, "Only the owner of room '" + room.name()
                    + "' can do that");
            return null;
        }
        return room;
    }

    /** The room by id now (after slow work: it may have been deleted meanwhile). */
    LiveRoom stillThere(String roomId) {
        return directory.room(roomId);
    }

    /** Constant-time, so the comparison does not tell how much of a guess was right. */
    static boolean proves(LiveRoom room, String ownerToken) {
        if (room.ownerHash() == null || ownerToken == null) {
            return false;
        }
        return MessageDigest.isEqual(room.ownerHash().getBytes(StandardCharsets.US_ASCII),
                ResumeTokens.hash(ownerToken).getBytes(StandardCharsets.US_ASCII));
    }

    /** The owner as the room sees it: seated in it, or acting from outside (the lobby). */
    static Participant seatedIn(Connection c, LiveRoom room) {
        Participant p = c.participant();
        return p != null && p.room() == room ? p : null;
    }

    /** The actor's id for {@code by} and the log: its participant id when seated in the room. */
    static String actorId(Participant seated) {
        return seated == null ? "owner" : seated.id();
    }
}

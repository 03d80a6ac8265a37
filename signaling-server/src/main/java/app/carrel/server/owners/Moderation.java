package app.carrel.server.owners;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.rooms.Outbox;
import app.carrel.server.rooms.Participant;
import app.carrel.server.rooms.RoomDirectory;
import app.carrel.server.rooms.RoomsExecutor;
import app.carrel.server.seating.RemovalBlocks;
import app.carrel.server.seating.Seating;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's moderation: {@code remove-participant} (the seat freed at once, the resume token
 * dead, the token and the connection refused at {@code join} for the minutes the owner chose)
 * and {@code ask-mute} (a request the person sees, never a remote switch of its microphone).
 * Checks: room-not-found, not-owner, peer-not-found (not in this room), then bad-request for the
 * minutes or for acting on oneself. Every action is logged with room, actor and target ids.
 * Rooms thread only.
 */
public final class Moderation {
    private static final Logger LOG = LoggerFactory.getLogger(Moderation.class);
    static final int DEFAULT_MINUTES = 10;
    static final int MAX_MINUTES = 24 * 60;

    private final Ownership ownership;
    private final RoomDirectory directory;
    private final Outbox outbox;
    private final Seating seating;
    private final RemovalBlocks blocks;
    private final RoomsExecutor executor;

    public Moderation(RoomDirectory directory, Outbox outbox, Seating seating, RemovalBlocks blocks,
                      RoomsExecutor executor) {
        this.ownership = new Ownership(directory, outbox);
        this.directory = directory;
        this.outbox = outbox;
        this.seating = seating;
        this.blocks = blocks;
        this.executor = executor;
    }

    public void onRemove(Connection c, ClientMessage.RemoveParticipant m) {
        LiveRoom room = ownership.owned(c, m.id(), m.room(), m.owner());
        Participant target = room == null ? null : target(c, m.id(), room, m.peer());
        if (target == null) {
            return;
        }
        int minutes = m.minutes() == null ? DEFAULT_MINUTES : m.minutes();
        if (minutes < 0 || minutes > MAX_MINUTES) {
            outbox.error(c, m.id(), ErrorCode.BAD_REQUEST, "'minutes' must be 0-" + MAX_MINUTES + ", was " + minutes);
            return;
        }
        Participant actor = Ownership.seatedIn(c, room);
        if (actor == target) {
            outbox.error(c, m.id(), ErrorCode.BAD_REQUEST, "To leave the room, send 'leave'");
            return;
        }
        String by = Ownership.actorId(actor);
        String byName = actor == null ? null : actor.name();
        long until = executor.now() + Duration.ofMinutes(minutes).toMillis();
        blocks.block(room, target.resumeHash(), target.connection(), until);
        LOG.info("Moderation: room {} actor {} removed {} ('{}') for {} min", room.id(), by, target.id(),
                target.name(), minutes);
        seating.evict(target, new ServerMessage.Removed(room.id(), by, byName, until), ErrorCode.REMOVED,
                (byName == null ? "The owner" : byName) + " removed you from room '" + room.name() + "'", true);
        outbox.send(c, new ServerMessage.ParticipantRemoved(m.id(), target.id(), until));
    }

    public void onAskMute(Connection c, ClientMessage.AskMute m) {
        LiveRoom room = ownership.owned(c, m.id(), m.room(), m.owner());
        Participant target = room == null ? null : target(c, m.id(), room, m.peer());
        if (target == null) {
            return;
        }
        Participant actor = Ownership.seatedIn(c, room);
        String by = Ownership.actorId(actor);
        Connection to = target.connection();
        // A v1 client has no words for it; the owner learns that from 'delivered'.
        boolean delivered = to != null && to.moderation();
        if (delivered) {
            outbox.send(to, new ServerMessage.MuteRequest(by, actor == null ? null : actor.name()));
        }
        LOG.info("Moderation: room {} actor {} asked {} to mute (delivered: {})", room.id(), by, target.id(),
                delivered);
        outbox.send(c, new ServerMessage.MuteAsked(m.id(), target.id(), delivered));
    }

    private Participant target(Connection c, String requestId, LiveRoom room, String peer) {
        Participant target = directory.participant(peer);
        if (target == null || target.room() != room) {
            outbox.error(c, requestId, ErrorCode.PEER_NOT_FOUND, "No participant '" + peer + "' in room '"
                    + room.name() + "'");
            return null;
        }
        return target;
    }
}

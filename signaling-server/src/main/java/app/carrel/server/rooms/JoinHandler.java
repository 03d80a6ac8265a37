package app.carrel.server.rooms;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.Peer;
import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.Self;
import app.carrel.protocol.TextRules;
import app.carrel.server.security.ResumeTokens;
import app.carrel.server.storage.StoredParticipant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code join}: a new participant, or one resuming its seat with a token. Checks run in this
 * order: already-joined, room-not-found, a valid resume token (which skips the rest),
 * invalid-name, room-full, wrong-password. Rooms thread only.
 */
public final class JoinHandler {
    private static final Logger LOG = LoggerFactory.getLogger(JoinHandler.class);

    private final RoomsContext ctx;
    private final Seating seating;

    public JoinHandler(RoomsContext ctx, Seating seating) {
        this.ctx = ctx;
        this.seating = seating;
    }

    public void onJoin(Connection c, ClientMessage.Join m) {
        if (c.participant() != null) {
            ctx.outbox().error(c, m.id(), ErrorCode.ALREADY_JOINED, "This connection is in a room already");
            return;
        }
        LiveRoom room = ctx.directory().room(m.room());
        if (room == null) {
            ctx.outbox().error(c, m.id(), ErrorCode.ROOM_NOT_FOUND, "No room with id '" + m.room() + "'");
            return;
        }
        if (m.resume() != null) {
            Participant p = ctx.directory().byResumeHash(ResumeTokens.hash(m.resume()));
            if (p != null && p.room() == room) {
                resume(c, m, p);
                return;
            }
        }
        String name = TextRules.displayName(m.name());
        if (name == null) {
            ctx.outbox().error(c, m.id(), ErrorCode.INVALID_NAME,
                    "A display name is 1-" + TextRules.MAX_NAME + " characters without control characters");
            return;
        }
        if (roomFull(c, m, room)) {
            return;
        }
        if (!room.locked()) {
            seatNew(c, m, room, name);
            return;
        }
        String password = m.password();
        if (password == null || password.isEmpty()) {
            ctx.outbox().error(c, m.id(), ErrorCode.WRONG_PASSWORD, "Room '" + room.name() + "' needs a password");
            return;
        }
        ctx.order().await(c, m.id(), () -> ctx.hasher().verify(password, room.passwordHash()), (ok, failure) -> {
            if (failure != null) {
                LOG.error("Checking the password of room {} failed", room.id(), failure);
                ctx.outbox().error(c, m.id(), ErrorCode.SERVER_ERROR, "The password could not be checked");
            } else if (!ok) {
                ctx.outbox().error(c, m.id(), ErrorCode.WRONG_PASSWORD, "Wrong password for room '" + room.name() + "'");
            } else if (!roomFull(c, m, room)) {
                // Re-checked: the room may have filled while the hash was computed.
                seatNew(c, m, room, name);
            }
        });
    }

    private boolean roomFull(Connection c, ClientMessage.Join m, LiveRoom room) {
        if (!room.full()) {
            return false;
        }
        ctx.outbox().error(c, m.id(), ErrorCode.ROOM_FULL,
                "Room '" + room.name() + "' is full (" + room.seated().size() + "/" + room.capacity() + ")");
        return true;
    }

    private void seatNew(Connection c, ClientMessage.Join m, LiveRoom room, String name) {
        String token = ResumeTokens.generate();
        Participant p = new Participant(UUID.randomUUID().toString(), name, room, m.media(), ResumeTokens.hash(token));
        long now = ctx.executor().now();
        ctx.directory().seat(p);
        ctx.storage().participantSeated(new StoredParticipant(p.id(), room.id(), name, p.media(), p.resumeHash(), now));
        attach(c, p);
        ctx.outbox().send(c, joined(m.id(), p, token, now));
        ctx.outbox().broadcast(room, new ServerMessage.PeerJoined(p.asPeer()), p);
        ctx.lobby().changed();
        LOG.debug("{} joined room {} as {}", name, room.id(), p.id());
    }

    private void resume(Connection c, ClientMessage.Join m, Participant p) {
        Connection old = p.connection();
        if (old != null) {
            // The old socket must not start a grace period when it finally closes.
            old.unseat();
            old.outlet().close(1000, "Replaced by a resumed connection");
        }
        seating.endGrace(p);
        String token = ResumeTokens.generate();
        ctx.directory().rekey(p, ResumeTokens.hash(token));
        ctx.storage().resumeTokenChanged(p.id(), p.resumeHash());
        attach(c, p);
        long now = ctx.executor().now();
        ctx.outbox().send(c, joined(m.id(), p, token, now));
        while (!p.queued().isEmpty()) {
            c.send(p.queued().poll());
        }
        MediaFlags media = p.media().with(m.audio(), m.video(), m.screen());
        if (!media.equals(p.media())) {
            seating.mediaChanged(p, media);
        }
        LOG.debug("{} resumed its seat in room {}", p.id(), p.room().id());
    }

    private void attach(Connection c, Participant p) {
        ctx.lobby().unsubscribe(c);
        c.seat(p);
        p.connection(c);
    }

    private ServerMessage.Joined joined(String requestId, Participant p, String token, long now) {
        LiveRoom room = p.room();
        List<Peer> peers = new ArrayList<>(room.seated().size());
        for (Participant other : room.seated()) {
            if (other != p) {
                peers.add(other.asPeer());
            }
        }
        return new ServerMessage.Joined(requestId, room.toRoom(), new Self(p.id(), p.name()), token, peers,
                ctx.iceServers().forParticipant(p.id(), now), room.chat().replay(),
                room.timer() == null ? null : room.timer().toMessage(now));
    }
}

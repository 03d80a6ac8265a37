package app.carrel.server.seating;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.TextRules;
import app.carrel.server.hall.Halls;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.rooms.Outbox;
import app.carrel.server.rooms.Participant;
import app.carrel.server.rooms.RequestOrder;
import app.carrel.server.rooms.RoomDirectory;
import app.carrel.server.rooms.RoomsExecutor;
import app.carrel.server.security.PasswordHasher;
import app.carrel.server.security.ResumeTokens;
import app.carrel.server.study.StudyHandler;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code join}: a new participant, or one resuming its seat with a token. Checks run in this
 * order: already-joined, room-not-found, hall checks, removed (the owner removed this token or
 * connection a while ago), a valid resume token (which skips the rest),
 * invalid-name, invalid-goal, room-full, wrong-password. Rooms thread only.
 */
public final class JoinHandler {
    private static final Logger LOG = LoggerFactory.getLogger(JoinHandler.class);

    private final RoomDirectory directory;
    private final Outbox outbox;
    private final RequestOrder order;
    private final PasswordHasher hasher;
    private final RoomsExecutor executor;
    private final Seating seating;
    private final JoinedReply reply;
    private final Halls halls;
    private final RemovalBlocks blocks;

    public JoinHandler(RoomDirectory directory, Outbox outbox, RequestOrder order, PasswordHasher hasher,
                       RoomsExecutor executor, Seating seating, JoinedReply reply, Halls halls) {
        this(directory, outbox, order, hasher, executor, seating, reply, halls, new RemovalBlocks());
    }

    public JoinHandler(RoomDirectory directory, Outbox outbox, RequestOrder order, PasswordHasher hasher,
                       RoomsExecutor executor, Seating seating, JoinedReply reply, Halls halls,
                       RemovalBlocks blocks) {
        this.blocks = blocks;
        this.halls = halls;
        this.directory = directory;
        this.outbox = outbox;
        this.order = order;
        this.hasher = hasher;
        this.executor = executor;
        this.seating = seating;
        this.reply = reply;
    }

    public void onJoin(Connection c, ClientMessage.Join m) {
        if (c.participant() != null) {
            outbox.error(c, m.id(), ErrorCode.ALREADY_JOINED, "This connection is in a room already");
            return;
        }
        LiveRoom room = directory.room(m.room());
        if (room == null) {
            outbox.error(c, m.id(), ErrorCode.ROOM_NOT_FOUND, "No room with id '" + m.room() + "'");
            return;
        }
        if (room.hall() && !hallOpenTo(c, m, room)) {
            return;
        }
        String resumeHash = m.resume() == null ? null : ResumeTokens.hash(m.resume());
        if (blocks.blocked(room, c, resumeHash, executor.now())) {
            outbox.error(c, m.id(), ErrorCode.REMOVED, "The owner of room '" + room.name()
                    + "' removed you from it; you cannot join again for a while");
            return;
        }
        c.moderation(m.takesModeration());
        c.study(m.takesStudy());
        if (resumeHash != null) {
            Participant p = directory.byResumeHash(resumeHash);
            if (p != null && p.room() == room) {
                resume(c, m, p);
                return;
            }
        }
        String name = TextRules.displayName(m.name());
        if (name == null) {
            outbox.error(c, m.id(), ErrorCode.INVALID_NAME,
                    "A display name is 1-" + TextRules.MAX_NAME + " characters without control characters");
            return;
        }
        if (!StudyHandler.validGoal(m)) {
            outbox.error(c, m.id(), ErrorCode.INVALID_GOAL, StudyHandler.invalidGoal());
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
            outbox.error(c, m.id(), ErrorCode.WRONG_PASSWORD, "Room '" + room.name() + "' needs a password");
            return;
        }
        order.await(c, m.id(), () -> hasher.verify(password, room.passwordHash()), (ok, failure) -> {
            if (failure != null) {
                LOG.error("Checking the password of room {} failed", room.id(), failure);
                outbox.error(c, m.id(), ErrorCode.SERVER_ERROR, "The password could not be checked");
            } else if (!ok) {
                outbox.error(c, m.id(), ErrorCode.WRONG_PASSWORD, "Wrong password for room '" + room.name() + "'");
            } else if (!roomFull(c, m, room)) {
                // Re-checked: the room may have filled while the hash was computed.
                seatNew(c, m, room, name);
            }
        });
    }

    /**
     * A hall needs a client that can take part in one ({@code "halls":true} on join, which v1
     * clients never send) and a Janus that is up.
     */
    private boolean hallOpenTo(Connection c, ClientMessage.Join m, LiveRoom room) {
        if (!m.takesHalls()) {
            outbox.error(c, m.id(), ErrorCode.HALL_UNSUPPORTED, "Room '" + room.name() + "' is a study hall: its"
                    + " video goes through a media server, which this client cannot use. Update Carrel to join it.");
            return false;
        }
        if (!halls.available()) {
            outbox.error(c, m.id(), ErrorCode.HALL_UNAVAILABLE, "The media server of study hall '" + room.name()
                    + "' is not reachable right now; try again in a minute");
            return false;
        }
        return true;
    }

    private boolean roomFull(Connection c, ClientMessage.Join m, LiveRoom room) {
        if (!room.full()) {
            return false;
        }
        outbox.error(c, m.id(), ErrorCode.ROOM_FULL,
                "Room '" + room.name() + "' is full (" + room.seated().size() + "/" + room.capacity() + ")");
        return true;
    }

    private void seatNew(Connection c, ClientMessage.Join m, LiveRoom room, String name) {
        String token = ResumeTokens.generate();
        long now = executor.now();
        Participant p = new Participant(UUID.randomUUID().toString(), name, room, Seating.allowed(room, m.media()),
                ResumeTokens.hash(token), now);
        p.goal(StudyHandler.joinGoal(m));
        seating.seat(c, p, now);
        outbox.send(c, reply.to(m.id(), p, token, now));
        seating.announce(p);
        LOG.debug("{} joined room {} as {}", name, room.id(), p.id());
    }

    private void resume(Connection c, ClientMessage.Join m, Participant p) {
        String token = ResumeTokens.generate();
        seating.reseat(c, p, ResumeTokens.hash(token));
        long now = executor.now();
        outbox.send(c, reply.to(m.id(), p, token, now));
        while (!p.queued().isEmpty()) {
            c.send(p.queued().poll());
        }
        if (p.room().hall()) {
            halls.resumed(p);
        }
        MediaFlags media = Seating.allowed(p.room(), p.media().with(m.audio(), m.video(), m.screen()));
        if (!media.equals(p.media())) {
            seating.mediaChanged(p, media);
        }
        LOG.debug("{} resumed its seat in room {}", p.id(), p.room().id());
    }
}

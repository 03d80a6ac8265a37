package app.carrel.server.seating;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.CloseCodes;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.hall.Halls;
import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.lobby.LobbyFeed;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.Outbox;
import app.carrel.server.rooms.Participant;
import app.carrel.server.rooms.RoomDirectory;
import app.carrel.server.rooms.RoomsExecutor;
import app.carrel.server.storage.Storage;
import app.carrel.server.storage.StoredParticipant;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every change of who sits where, and what it costs: the database, the lobby's counts, what the
 * others in the room are told. Taking a seat (for {@link JoinHandler}); leaving it, by
 * {@code leave}, by a lost connection after its grace period, or never (a resume within it); and
 * the media flags everyone sees. Rooms thread only.
 */
public final class Seating {
    private static final Logger LOG = LoggerFactory.getLogger(Seating.class);

    private final RoomDirectory directory;
    private final Outbox outbox;
    private final Storage storage;
    private final LobbyFeed lobby;
    private final RoomsExecutor executor;
    private final Duration resumeGrace;
    private final Halls halls;
    /** Told when a room's last seat is gone: its session is over (the timer's rounds start again). */
    private final Consumer<LiveRoom> sessionEnded;

    public Seating(RoomDirectory directory, Outbox outbox, Storage storage, LobbyFeed lobby, RoomsExecutor executor,
                   Duration resumeGrace, Halls halls, Consumer<LiveRoom> sessionEnded) {
        this.halls = halls;
        this.sessionEnded = sessionEnded;
        this.directory = directory;
        this.outbox = outbox;
        this.storage = storage;
        this.lobby = lobby;
        this.executor = executor;
        this.resumeGrace = resumeGrace;
    }

    /** A new participant takes its seat, with {@code c} speaking for it. */
    void seat(Connection c, Participant p, long now) {
        if (p.room().seated().isEmpty()) {
            storage.roomEmptySince(p.room().id(), null);
        }
        directory.seat(p);
        storage.participantSeated(new StoredParticipant(p.id(), p.room().id(), p.name(), p.media(), p.resumeHash(),
                p.since(), p.goal(), null, null));
        attach(c, p);
        if (p.room().hall()) {
            halls.seated(p);
        }
    }

    /** Tells the room and the lobby about a new seat; after the joiner's own {@code joined}. */
    void announce(Participant p) {
        outbox.broadcast(p.room(), new ServerMessage.PeerJoined(p.asPeer()), p);
        lobby.changed(p.room());
    }

    /** A resume: {@code c} now speaks for {@code p}, whose old token stops working. */
    void reseat(Connection c, Participant p, String newResumeHash) {
        Connection old = p.connection();
        if (old != null) {
            // The old socket must not start a grace period when it finally closes.
            old.unseat();
            old.outlet().close(CloseCodes.NORMAL, "Replaced by a resumed connection");
        }
        endGrace(p);
        directory.rekey(p, newResumeHash);
        storage.resumeTokenChanged(p.id(), p.resumeHash());
        attach(c, p);
    }

    private void attach(Connection c, Participant p) {
        lobby.unsubscribe(c);
        c.seat(p);
        p.connection(c);
    }

    public void onLeave(Connection c, Participant p, ClientMessage.Leave m) {
        c.unseat();
        p.connection(null);
        unseat(p);
        outbox.send(c, new ServerMessage.Left(m.id()));
    }

    /**
     * In a quiet room a microphone turned on is refused ({@code room-quiet}) while the other flags
     * of the same message still apply: a client that always sends all three keeps its camera.
     */
    public void onMediaState(Connection c, Participant p, ClientMessage.MediaState m) {
        if (p.room().study().quiet() && Boolean.TRUE.equals(m.audio())) {
            outbox.error(c, m.id(), ErrorCode.ROOM_QUIET,
                    "Room '" + p.room().name() + "' is a quiet room: microphones stay off");
            if (m.video() != null || m.screen() != null) {
                mediaChanged(p, p.media().with(null, m.video(), m.screen()));
            }
            return;
        }
        mediaChanged(p, p.media().with(m.audio(), m.video(), m.screen()));
    }

    /** What a joiner may send: nothing from its microphone in a quiet room. */
    static MediaFlags allowed(LiveRoom room, MediaFlags asked) {
        return room.study().quiet() && asked.audio() ? new MediaFlags(false, asked.video(), asked.screen()) : asked;
    }

    void mediaChanged(Participant p, MediaFlags media) {
        p.media(media);
        storage.mediaChanged(p.id(), media);
        outbox.broadcast(p.room(),
                new ServerMessage.MediaState(p.id(), media.audio(), media.video(), media.screen()), p);
    }

    /** Any loss of the socket without {@code leave}, a clean close included. */
    public void onDisconnect(Connection c) {
        c.markClosed();
        lobby.unsubscribe(c);
        Participant p = c.participant();
        if (p == null) {
            return;
        }
        c.unseat();
        p.connection(null);
        startGrace(p);
    }

    /** Keeps the seat for the grace period; a resume ends it, else the participant leaves. */
    public void startGrace(Participant p) {
        int epoch = p.nextGraceEpoch();
        executor.schedule(resumeGrace, () -> {
            if (p.graceEpoch() == epoch && p.connection() == null && directory.participant(p.id()) == p) {
                LOG.debug("Grace period of {} ended", p.id());
                unseat(p);
            }
        });
    }

    private void endGrace(Participant p) {
        p.nextGraceEpoch();
    }

    /**
     * The owner removed {@code p}, or its room is being deleted: out at once, no grace period, its
     * resume token dead. A client that joined with {@code "moderation":true} is told with
     * {@code toModerated}; a v1 client gets an {@code error} it can show ({@code v1Code}) and the
     * {@code left} it knows, which returns it to the lobby. The others in the room see a
     * {@code peer-left} unless {@code tellRoom} is false (the whole room is going).
     */
    public void evict(Participant p, ServerMessage toModerated, ErrorCode v1Code, String v1Message,
                      boolean tellRoom) {
        endGrace(p);
        Connection c = p.connection();
        if (c != null) {
            c.unseat();
            p.connection(null);
            if (c.moderation()) {
                outbox.send(c, toModerated);
            } else {
                outbox.error(c, null, v1Code, v1Message);
                outbox.send(c, new ServerMessage.Left(null));
            }
        }
        unseat(p, tellRoom);
    }

    private void unseat(Participant p) {
        unseat(p, true);
    }

    private void unseat(Participant p, boolean tellRoom) {
        directory.unseat(p);
        p.queued().clear();
        long now = executor.now();
        storage.participantLeft(p.id(), now);
        if (p.room().seated().isEmpty()) {
            p.room().emptySince(now);
            storage.roomEmptySince(p.room().id(), now);
            sessionEnded.accept(p.room());
        }
        if (tellRoom) {
            outbox.broadcast(p.room(), new ServerMessage.PeerLeft(p.id()), p);
        }
        lobby.changed(p.room());
        if (p.room().hall()) {
            halls.unseated(p);
        }
    }
}

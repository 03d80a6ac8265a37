package app.carrel.server.rooms;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.ServerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaving a seat, by {@code leave}, by a lost connection after its grace period, or never (a
 * resume within it); and the media flags everyone sees. Rooms thread only.
 */
public final class Seating {
    private static final Logger LOG = LoggerFactory.getLogger(Seating.class);

    private final RoomsContext ctx;

    public Seating(RoomsContext ctx) {
        this.ctx = ctx;
    }

    public void onLeave(Connection c, Participant p, ClientMessage.Leave m) {
        c.unseat();
        p.connection(null);
        unseat(p);
        ctx.outbox().send(c, new ServerMessage.Left(m.id()));
    }

    public void onMediaState(Participant p, ClientMessage.MediaState m) {
        mediaChanged(p, p.media().with(m.audio(), m.video(), m.screen()));
    }

    void mediaChanged(Participant p, MediaFlags media) {
        p.media(media);
        ctx.storage().mediaChanged(p.id(), media);
        ctx.outbox().broadcast(p.room(),
                new ServerMessage.MediaState(p.id(), media.audio(), media.video(), media.screen()), p);
    }

    /** Any loss of the socket without {@code leave}, a clean close included. */
    public void onDisconnect(Connection c) {
        c.markClosed();
        ctx.lobby().unsubscribe(c);
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
        ctx.executor().schedule(ctx.resumeGrace(), () -> {
            if (p.graceEpoch() == epoch && p.connection() == null && ctx.directory().participant(p.id()) == p) {
                LOG.debug("Grace period of {} ended", p.id());
                unseat(p);
            }
        });
    }

    void endGrace(Participant p) {
        p.nextGraceEpoch();
    }

    private void unseat(Participant p) {
        ctx.directory().unseat(p);
        p.queued().clear();
        ctx.storage().participantLeft(p.id(), ctx.executor().now());
        ctx.outbox().broadcast(p.room(), new ServerMessage.PeerLeft(p.id()), p);
        ctx.lobby().changed();
    }
}

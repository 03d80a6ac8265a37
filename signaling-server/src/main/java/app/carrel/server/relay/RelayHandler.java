package app.carrel.server.relay;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.admin.ServerMetrics;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.Outbox;
import app.carrel.server.rooms.Participant;
import app.carrel.server.rooms.RoomDirectory;

/**
 * offer / answer / ice to one peer of the sender's own room, {@code from} stamped here. The hot
 * path: one map lookup, one encode, one send; nothing scans, logs or touches the database. In a
 * quiet room offers and answers lose their audio on the way ({@link QuietSdp}).
 * Rooms thread only; its FIFO queue keeps each sender's order.
 */
public final class RelayHandler {
    private final RoomDirectory directory;
    private final Outbox outbox;
    private final ServerMetrics metrics;

    public RelayHandler(RoomDirectory directory, Outbox outbox, ServerMetrics metrics) {
        this.directory = directory;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    public void onOffer(Connection c, Participant from, ClientMessage.Offer m) {
        Participant to = target(c, from, m.id(), m.to());
        if (to != null) {
            to.deliver(outbox.encode(new ServerMessage.Offer(from.id(), sdpFor(from, m.sdp()))));
            metrics.relayedOffer();
        }
    }

    public void onAnswer(Connection c, Participant from, ClientMessage.Answer m) {
        Participant to = target(c, from, m.id(), m.to());
        if (to != null) {
            to.deliver(outbox.encode(new ServerMessage.Answer(from.id(), sdpFor(from, m.sdp()))));
            metrics.relayedAnswer();
        }
    }

    public void onIce(Connection c, Participant from, ClientMessage.Ice m) {
        Participant to = target(c, from, m.id(), m.to());
        if (to != null) {
            to.deliver(outbox.encode(new ServerMessage.Ice(from.id(), m.candidate())));
            metrics.relayedIce();
        }
    }

    /** In a quiet room no audio may flow, so the relay takes it out of every offer and answer. */
    private static String sdpFor(Participant from, String sdp) {
        return from.room().study().quiet() ? QuietSdp.withoutAudio(sdp) : sdp;
    }

    /** The addressed peer, or null after telling the sender it is not in its room. */
    private Participant target(Connection c, Participant from, String requestId, String toId) {
        Participant to = directory.participant(toId);
        if (to == null || to == from || to.room() != from.room()) {
            outbox.error(c, requestId, ErrorCode.PEER_NOT_FOUND, "No peer '" + toId + "' in your room");
            return null;
        }
        return to;
    }
}

package app.carrel.server.rooms;

import app.carrel.protocol.Codec;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.admin.ServerMetrics;

/** Encodes what the rooms thread sends; a broadcast is encoded once for all its receivers. */
public final class Outbox {
    private final Codec codec;
    private final ServerMetrics metrics;

    public Outbox(Codec codec, ServerMetrics metrics) {
        this.codec = codec;
        this.metrics = metrics;
    }

    public String encode(ServerMessage message) {
        return codec.encode(message);
    }

    public void send(Connection to, ServerMessage message) {
        to.send(codec.encode(message));
    }

    public void error(Connection to, String id, ErrorCode code, String message) {
        metrics.error(code);
        to.send(codec.encode(new ServerMessage.Error(id, code, message)));
    }

    /** To everyone connected in the room except {@code except} (may be null). */
    public void broadcast(LiveRoom room, ServerMessage message, Participant except) {
        String json = null;
        for (Participant p : room.seated()) {
            if (p != except && p.connection() != null) {
                if (json == null) {
                    json = codec.encode(message);
                }
                p.connection().send(json);
            }
        }
    }

    /**
     * To everyone connected in the room except {@code except}: {@code forStudy} to those that
     * joined with {@code "study":true}, {@code forOthers} to the rest (null: nothing). Each is
     * encoded once, if anyone gets it.
     */
    public void broadcastSplit(LiveRoom room, ServerMessage forStudy, ServerMessage forOthers, Participant except) {
        String study = null;
        String others = null;
        for (Participant p : room.seated()) {
            Connection c = p.connection();
            if (p == except || c == null) {
                continue;
            }
            if (c.study()) {
                if (study == null) {
                    study = codec.encode(forStudy);
                }
                c.send(study);
            } else if (forOthers != null) {
                if (others == null) {
                    others = forOthers == forStudy && study != null ? study : codec.encode(forOthers);
                }
                c.send(others);
            }
        }
    }
}

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
}

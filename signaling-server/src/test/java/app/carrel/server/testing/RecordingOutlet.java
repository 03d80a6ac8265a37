package app.carrel.server.testing;

import app.carrel.protocol.Codec;
import app.carrel.protocol.Decoded;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.rooms.Outlet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** An outlet that records what the room logic sends, decoded back through the codec. */
public final class RecordingOutlet implements Outlet {
    private static final Codec CODEC = new Codec();

    public final ArrayDeque<ServerMessage> sent = new ArrayDeque<>();
    public final List<Integer> closeCodes = new ArrayList<>();
    public int pings;
    public boolean aborted;

    @Override
    public boolean send(String text) {
        Decoded<ServerMessage> d = CODEC.decodeServer(text);
        if (!(d instanceof Decoded.Ok<ServerMessage> ok)) {
            throw new AssertionError("The server sent something it cannot decode: " + text);
        }
        sent.add(ok.message());
        return true;
    }

    @Override
    public void close(int code, String reason) {
        closeCodes.add(code);
    }

    @Override
    public void ping() {
        pings++;
    }

    @Override
    public void abort(String reason) {
        aborted = true;
    }

    public <T extends ServerMessage> T next(Class<T> type) {
        ServerMessage m = sent.poll();
        if (!type.isInstance(m)) {
            throw new AssertionError("Expected " + type.getSimpleName() + " but got " + m);
        }
        return type.cast(m);
    }
}

package app.carrel.server.socket;

import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.util.Collection;
import java.util.function.Supplier;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;

/**
 * Asks again for write turns the selector lost. Java-WebSocket resets a connection to read-only
 * interest after a write turn that emptied its queue; a frame another thread queues in the moment
 * between (a close frame, a pong, our output waiting behind the library's) has already made its
 * request, and waits until something else asks: the next keep-alive ping, 15 s later.
 * FuzzContractTest saw that as a missing close in about one run in ten once our output stopped
 * going through the selector. Each {@link SocketHousekeeping} turn this finds connections with
 * output waiting and no write interest and asks again, which is harmless when nothing was lost.
 */
final class StalledWrites {
    private final Supplier<Collection<WebSocket>> sockets;

    StalledWrites(Supplier<Collection<WebSocket>> sockets) {
        this.sockets = sockets;
    }

    /** Requests a write turn for every stalled connection; returns how many there were. */
    int sweep() {
        int stalled = 0;
        for (WebSocket socket : sockets.get()) {
            if (socket instanceof WebSocketImpl ws && stalled(ws)) {
                ws.getWebSocketListener().onWriteDemand(ws);
                stalled++;
            }
        }
        return stalled;
    }

    /** Output waits (the library's queue or our backlog) but the selector is not watching for writability. */
    static boolean stalled(WebSocketImpl ws) {
        SelectionKey key = ws.getSelectionKey();
        boolean waiting = ws.hasBufferedData() || ws.getChannel() instanceof WriteThroughChannel c && c.isNeedWrite();
        try {
            return waiting && key != null && key.isValid() && (key.interestOps() & SelectionKey.OP_WRITE) == 0;
        } catch (CancelledKeyException e) {
            return false; // closed meanwhile: nothing left to write
        }
    }
}

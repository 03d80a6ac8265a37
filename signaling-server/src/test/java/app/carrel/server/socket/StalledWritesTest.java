package app.carrel.server.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.Handshakedata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sweep that asks again for lost write turns, on a real socket registered with a real
 * selector (the race that loses a turn is the library's and cannot be forced; its result can).
 */
class StalledWritesTest {
    private ServerSocketChannel listener;
    private SocketChannel client;
    private SocketChannel accepted;
    private Selector selector;
    private SelectionKey key;
    private WebSocketImpl ws;
    private final AtomicInteger writeDemands = new AtomicInteger();

    @BeforeEach
    void connect() throws Exception {
        listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        client = SocketChannel.open(listener.getLocalAddress());
        accepted = listener.accept();
        accepted.configureBlocking(false);
        selector = Selector.open();
        key = accepted.register(selector, SelectionKey.OP_READ);
        ws = new WebSocketImpl(new DemandCounter(), List.of(new FramingDraft()));
        ws.setSelectionKey(key);
        ws.setChannel(new WriteThroughChannel(accepted, new LingeringCloses()));
    }

    @AfterEach
    void close() throws Exception {
        selector.close();
        accepted.close();
        client.close();
        listener.close();
    }

    @Test
    void aFrameQueuedWithoutWriteInterestGetsItsTurnRequestedAgain() {
        ws.outQueue.add(ByteBuffer.wrap(new byte[] {(byte) 0x88, 0})); // a close frame, stranded
        StalledWrites sweep = new StalledWrites(() -> List.of(ws));

        assertEquals(1, sweep.sweep(), "output waits and nobody watches for writability");
        assertEquals(1, writeDemands.get());
    }

    @Test
    void nothingIsRequestedWhenTheSelectorIsAlreadyWatchingOrNothingWaits() {
        StalledWrites sweep = new StalledWrites(() -> List.of(ws));
        assertEquals(0, sweep.sweep(), "nothing to write");

        ws.outQueue.add(ByteBuffer.wrap(new byte[] {(byte) 0x88, 0}));
        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        assertEquals(0, sweep.sweep(), "the turn is already requested");

        key.cancel();
        assertEquals(0, sweep.sweep(), "a closed connection has nothing left to write");
        assertEquals(0, writeDemands.get());
    }

    /** The listener side of a WebSocketImpl; only write demands matter here. */
    private final class DemandCounter extends WebSocketAdapter {
        @Override
        public void onWriteDemand(WebSocket conn) {
            writeDemands.incrementAndGet();
        }

        @Override
        public void onWebsocketMessage(WebSocket conn, String message) {
        }

        @Override
        public void onWebsocketMessage(WebSocket conn, ByteBuffer blob) {
        }

        @Override
        public void onWebsocketOpen(WebSocket conn, Handshakedata d) {
        }

        @Override
        public void onWebsocketClose(WebSocket ws, int code, String reason, boolean remote) {
        }

        @Override
        public void onWebsocketClosing(WebSocket ws, int code, String reason, boolean remote) {
        }

        @Override
        public void onWebsocketCloseInitiated(WebSocket ws, int code, String reason) {
        }

        @Override
        public void onWebsocketError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onWebsocketPong(WebSocket conn, Framedata f) {
        }

        @Override
        public InetSocketAddress getLocalSocketAddress(WebSocket conn) {
            return null;
        }

        @Override
        public InetSocketAddress getRemoteSocketAddress(WebSocket conn) {
            return null;
        }
    }
}

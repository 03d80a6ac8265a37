package app.carrel.server;

import app.carrel.protocol.CloseCodes;
import app.carrel.protocol.TextRules;
import app.carrel.server.connection.Gateway;
import app.carrel.server.connection.OutputBatch;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.Outlet;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.BinaryFrame;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only class that knows Java-WebSocket: it turns socket callbacks into {@link Gateway} calls
 * and a {@link WebSocket} into an {@link Outlet}. The draft's frame limit enforces the 64 KiB
 * message cap (1009, fragments reassembled included) and its UTF-8 check answers 1007.
 * <p>
 * Output is framed here, not by the library: what the rooms thread sends is collected per
 * connection ({@link OutputBatch}) and handed over as one buffer of ready frames per burst, so
 * the selector thread makes one write where it made one per message. Measured with
 * bench/ (docs/benchmarks.md): that write per message, and the library re-validating the UTF-8
 * of every frame we had just encoded, were most of the relay cost.
 */
final class SignalingServer extends WebSocketServer {
    private static final Logger LOG = LoggerFactory.getLogger(SignalingServer.class);
    static final String PATH = "/signal";
    /** Pending TCP connections the kernel queues for us (it caps this at net.core.somaxconn). */
    private static final int ACCEPT_BACKLOG = 1024;

    private final Gateway gateway;
    private final OutputBatch output;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    /** Signalled on every close, so shutdown can wait for the close handshakes to finish. */
    private final Object closes = new Object();
    private volatile boolean shuttingDown;

    SignalingServer(InetSocketAddress address, Gateway gateway, SSLContext tls, OutputBatch output) {
        super(address, List.of(new FramingDraft()));
        this.gateway = gateway;
        this.output = output;
        setReuseAddr(true);
        setTcpNoDelay(true);
        // The JDK's default accept backlog is 50: in a join storm (or everyone reconnecting after
        // a restart) the kernel dropped SYNs and those clients waited out a 1 s retransmit.
        setMaxPendingConnections(ACCEPT_BACKLOG);
        // Keep-alive is ours (KeepAlive): the contract's windows are finer than this library's.
        setConnectionLostTimeout(0);
        if (tls != null) {
            setWebSocketFactory(new DefaultSSLWebSocketServerFactory(tls));
        }
    }

    /** Starts listening and returns once the port is bound. */
    void startAndWait() throws InterruptedException, ExecutionException, TimeoutException {
        start();
        started.get(10, TimeUnit.SECONDS);
    }

    /**
     * Says 1001 to everyone and waits (bounded) for the close handshakes, then stops the selector.
     * Java-WebSocket's own {@code stop()} gives its selector only a few turns after queueing the
     * close frames, so under load a client could be left with neither the frame nor a TCP close.
     */
    void shutdown(Duration wait) throws InterruptedException {
        shuttingDown = true;
        for (WebSocket ws : getConnections()) {
            ws.close(CloseFrame.GOING_AWAY, "Server shutting down");
        }
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (closes) {
            long left;
            while (!getConnections().isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(closes, left);
            }
        }
        for (WebSocket ws : getConnections()) {
            LOG.debug("Close handshake unfinished; dropping {}", ws.getRemoteSocketAddress());
            ws.closeConnection(CloseFrame.GOING_AWAY, "Server shutting down");
        }
        stop((int) wait.toMillis(), "Server shutting down");
    }

    Collection<Connection> connections() {
        Collection<WebSocket> sockets = getConnections();
        List<Connection> list = new ArrayList<>(sockets.size());
        for (WebSocket ws : sockets) {
            Connection c = ws.getAttachment();
            if (c != null) {
                list.add(c);
            }
        }
        return list;
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                                                                       ClientHandshake request) throws InvalidDataException {
        String resource = request.getResourceDescriptor();
        int query = resource.indexOf('?');
        String path = query < 0 ? resource : resource.substring(0, query);
        if (!PATH.equals(path)) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "Not found: " + path);
        }
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onStart() {
        started.complete(null);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        if (shuttingDown) {
            conn.close(CloseFrame.GOING_AWAY, "Server shutting down");
            return;
        }
        conn.setAttachment(gateway.opened(new SocketOutlet(conn, output)));
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        Connection c = conn.getAttachment();
        if (c != null) {
            gateway.text(c, message);
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        Connection c = conn.getAttachment();
        if (c != null) {
            gateway.binary(c);
        } else {
            conn.close(CloseCodes.UNSUPPORTED_DATA, "Binary messages are not supported");
        }
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata frame) {
        super.onWebsocketPong(conn, frame);
        Connection c = conn.getAttachment();
        if (c != null) {
            gateway.heard(c);
        }
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata frame) {
        super.onWebsocketPing(conn, frame);
        Connection c = conn.getAttachment();
        if (c != null) {
            gateway.heard(c);
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        Connection c = conn.getAttachment();
        if (c != null) {
            gateway.closed(c);
        }
        synchronized (closes) {
            closes.notifyAll();
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            // Only start-up and the selector loop report without a connection.
            if (!started.completeExceptionally(ex)) {
                LOG.error("WebSocket server failure", ex);
            }
            return;
        }
        LOG.warn("WebSocket error on {}: {}", conn.getRemoteSocketAddress(), ex.toString());
    }

    /**
     * A {@link WebSocket} as room logic sees it. Text sent on the rooms thread waits in
     * {@code pending} until the rooms thread's burst ends ({@link OutputBatch}); text sent on any
     * other thread is flushed at once. {@code pending} and the hand-over to the socket are guarded
     * by this outlet's lock, so frames reach the socket in the order they were sent.
     */
    private static final class SocketOutlet implements Outlet, OutputBatch.Pending {
        /** One hand-over to the socket carries at most about this much (one write's worth). */
        private static final int MAX_CHUNK = 64 * 1024;

        private final WebSocket ws;
        private final OutputBatch output;
        private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
        private int pendingBytes;
        private boolean dirty;

        SocketOutlet(WebSocket ws, OutputBatch output) {
            this.ws = ws;
            this.output = output;
        }

        @Override
        public boolean send(String text) {
            if (!ws.isOpen()) {
                return false;
            }
            // Our own JSON is valid UTF-8 by construction (getBytes replaces a lone surrogate),
            // which is why the library's per-byte re-check of outgoing text is skipped.
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            boolean collect = output.collecting();
            boolean mark;
            synchronized (this) {
                pending.add(utf8);
                pendingBytes += utf8.length + 10;
                mark = collect && !dirty;
                dirty |= collect;
            }
            if (mark) {
                output.add(this);
            } else if (!collect) {
                flush();
            }
            return true;
        }

        @Override
        public void flush() {
            List<Framedata> chunks = new ArrayList<>(1);
            synchronized (this) {
                dirty = false;
                if (pending.isEmpty()) {
                    return;
                }
                while (!pending.isEmpty()) {
                    chunks.add(frames());
                }
                try {
                    ws.sendFrame(chunks);
                } catch (WebsocketNotConnectedException e) {
                    LOG.debug("Output not sent ({} chunk(s)): connection already closed", chunks.size());
                }
            }
        }

        /** Frames pending messages into one buffer of at most ~64 KiB (or one bigger message); holds the lock. */
        private Framedata frames() {
            ByteBuffer buffer = ByteBuffer.allocate(Math.max(pending.peek().length + 10, Math.min(pendingBytes, MAX_CHUNK)));
            do {
                byte[] payload = pending.poll();
                pendingBytes -= payload.length + 10;
                buffer.put((byte) 0x81); // FIN + text; server frames are never masked
                if (payload.length < 126) {
                    buffer.put((byte) payload.length);
                } else if (payload.length <= 0xFFFF) {
                    buffer.put((byte) 126).putShort((short) payload.length);
                } else {
                    buffer.put((byte) 127).putLong(payload.length);
                }
                buffer.put(payload);
            } while (!pending.isEmpty() && buffer.remaining() >= pending.peek().length + 10);
            buffer.flip();
            return new Preframed(buffer);
        }

        @Override
        public void close(int code, String reason) {
            // Whatever was sent before the close must go out before the close frame.
            flush();
            ws.close(code, reason);
        }

        @Override
        public void ping() {
            try {
                ws.sendPing();
            } catch (WebsocketNotConnectedException e) {
                LOG.debug("Ping skipped: connection already closing");
            }
        }

        @Override
        public void abort(String reason) {
            ws.closeConnection(CloseFrame.ABNORMAL_CLOSE, reason);
        }
    }

    /** Bytes that are already one or more complete frames, written to the socket as they are. */
    private static final class Preframed extends BinaryFrame {
        Preframed(ByteBuffer frames) {
            setPayload(frames);
        }
    }

    /**
     * RFC 6455 as the library implements it, except that {@link Preframed} output goes to the
     * socket untouched. Each connection gets its own copy (the library keeps decoding state in it).
     */
    private static final class FramingDraft extends Draft_6455 {
        FramingDraft() {
            super(List.of(), TextRules.MAX_MESSAGE_BYTES);
        }

        @Override
        public Draft copyInstance() {
            return new FramingDraft();
        }

        @Override
        public ByteBuffer createBinaryFrame(Framedata frame) {
            return frame instanceof Preframed ? frame.getPayloadData() : super.createBinaryFrame(frame);
        }
    }
}

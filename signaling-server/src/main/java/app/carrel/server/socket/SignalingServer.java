package app.carrel.server.socket;

import app.carrel.protocol.CloseCodes;
import app.carrel.server.gateway.Gateway;
import app.carrel.server.gateway.Inlet;
import app.carrel.server.gateway.OutputBatch;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;
import org.java_websocket.WebSocketServerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket server: turns Java-WebSocket's callbacks into {@link Gateway} calls and each
 * connection into a {@link SocketOutlet}. This package is the only one that knows Java-WebSocket.
 * The draft's frame limit enforces the 64 KiB message cap (1009, fragments reassembled included)
 * and its UTF-8 check answers 1007.
 * <p>
 * Output is framed by us, not by the library: what the rooms thread sends is collected per
 * connection ({@link OutputBatch}) and written as one buffer of ready frames per burst, on plain
 * connections straight to the socket ({@link WriteThroughChannel}) rather than through the
 * selector thread. Measured with bench/ (docs/benchmarks.md): a write per message, the library
 * re-validating the UTF-8 of every frame we had just encoded, and its selector revisiting every
 * connection it had written to were most of the relay cost.
 * <p>
 * Input is decoded on the selector thread that read it ({@link #queue}), not handed to one of
 * the library's worker threads: each hand-off is a queue and a thread wake-up per message, and
 * with the rooms' turn ({@code RoomsTurn}) the selector then relays the message itself, as a
 * plain event-loop server does (docs/benchmarks.md, "Cold and plain loads", session 8).
 */
public final class SignalingServer extends WebSocketServer {
    private static final Logger LOG = LoggerFactory.getLogger(SignalingServer.class);
    public static final String PATH = "/signal";
    /** Pending TCP connections the kernel queues for us (it caps this at net.core.somaxconn). */
    private static final int ACCEPT_BACKLOG = 1024;
    /**
     * The library's {@code pushBuffer}: gives a read buffer back to its pool, which its worker
     * does after decoding. Private in Java-WebSocket 1.6.0 (pinned in the pom); null if a later
     * version moves it, and then input goes to the worker as the library intends.
     */
    private static final MethodHandle RETURN_BUFFER = returnBuffer();

    private final Gateway gateway;
    private final OutputBatch output;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    /** Signalled on every close, so shutdown can wait for the close handshakes to finish. */
    private final Object closes = new Object();
    private volatile boolean shuttingDown;
    private final LingeringCloses lingeringCloses = new LingeringCloses();
    private final SocketHousekeeping housekeeping =
            new SocketHousekeeping(new StalledWrites(this::getConnections), lingeringCloses);

    public SignalingServer(InetSocketAddress address, Gateway gateway, SSLContext tls, OutputBatch output) {
        // One worker: it only decodes if RETURN_BUFFER is missing (see queue).
        super(address, 1, List.of(new FramingDraft()));
        this.gateway = gateway;
        this.output = output;
        setReuseAddr(true);
        setTcpNoDelay(true);
        // The JDK's default accept backlog is 50: in a join storm (or everyone reconnecting after
        // a restart) the kernel dropped SYNs and those clients waited out a 1 s retransmit.
        setMaxPendingConnections(ACCEPT_BACKLOG);
        // Keep-alive is ours (KeepAlive): the contract's windows are finer than this library's.
        setConnectionLostTimeout(0);
        setWebSocketFactory(tls != null ? new DefaultSSLWebSocketServerFactory(tls) : new WriteThroughFactory(lingeringCloses));
    }

    /** Starts listening and returns once the port is bound. */
    public void startAndWait() throws InterruptedException, ExecutionException, TimeoutException {
        start();
        started.get(10, TimeUnit.SECONDS);
    }

    /**
     * Says 1001 to everyone and waits (bounded) for the close handshakes, then stops the selector.
     * Java-WebSocket's own {@code stop()} gives its selector only a few turns after queueing the
     * close frames, so under load a client could be left with neither the frame nor a TCP close.
     */
    public void shutdown(Duration wait) throws InterruptedException {
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
        housekeeping.close();
    }

    public Collection<Inlet> connections() {
        Collection<WebSocket> sockets = getConnections();
        List<Inlet> list = new ArrayList<>(sockets.size());
        for (WebSocket ws : sockets) {
            Inlet c = ws.getAttachment();
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
        housekeeping.start();
        started.complete(null);
    }

    /**
     * Selector thread, after a read: decodes what was read here and now (handshake, frames, and so
     * the {@link Gateway} calls, which usually relay on this thread too) instead of queueing it for
     * a worker. A connection is read only by this thread, so its bytes are still decoded in order
     * and one at a time.
     */
    @Override
    protected void queue(WebSocketImpl ws) throws InterruptedException {
        if (RETURN_BUFFER == null) {
            super.queue(ws);
            return;
        }
        ByteBuffer read = ws.inQueue.poll();
        try {
            gateway.read(() -> ws.decode(read));
        } catch (RuntimeException e) {
            // The library's worker would log and carry on; thrown here it would stop the selector.
            LOG.error("Decoding input from {} failed; closing it with 1011", ws.getRemoteSocketAddress(), e);
            ws.closeConnection(CloseCodes.SERVER_ERROR, "Server error");
        } finally {
            giveBack(read);
        }
    }

    /** False when this Java-WebSocket has no buffer hand-back to call, and reads go to its worker. */
    static boolean decodesWhereItReads() {
        return RETURN_BUFFER != null;
    }

    private void giveBack(ByteBuffer read) throws InterruptedException {
        try {
            RETURN_BUFFER.invokeExact((WebSocketServer) this, read);
        } catch (InterruptedException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle returnBuffer() {
        try {
            return MethodHandles.privateLookupIn(WebSocketServer.class, MethodHandles.lookup())
                    .findVirtual(WebSocketServer.class, "pushBuffer", MethodType.methodType(void.class, ByteBuffer.class));
        } catch (ReflectiveOperationException | SecurityException | IllegalArgumentException e) {
            LoggerFactory.getLogger(SignalingServer.class)
                    .warn("Decoding on the library's worker thread: {}", e.toString());
            return null;
        }
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        if (shuttingDown) {
            conn.close(CloseFrame.GOING_AWAY, "Server shutting down");
            return;
        }
        conn.setAttachment(gateway.opened(new SocketOutlet((WebSocketImpl) conn, output),
                conn.getRemoteSocketAddress().getAddress()));
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        Inlet c = conn.getAttachment();
        if (c != null) {
            gateway.text(c, message);
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        Inlet c = conn.getAttachment();
        if (c != null) {
            gateway.binary(c);
        } else {
            conn.close(CloseCodes.UNSUPPORTED_DATA, "Binary messages are not supported");
        }
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata frame) {
        super.onWebsocketPong(conn, frame);
        Inlet c = conn.getAttachment();
        if (c != null) {
            gateway.heard(c);
        }
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata frame) {
        super.onWebsocketPing(conn, frame);
        Inlet c = conn.getAttachment();
        if (c != null) {
            gateway.heard(c);
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        Inlet c = conn.getAttachment();
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

    /** Plain connections get a {@link WriteThroughChannel}; otherwise the library's defaults. */
    private static final class WriteThroughFactory implements WebSocketServerFactory {
        private final LingeringCloses closes;

        WriteThroughFactory(LingeringCloses closes) {
            this.closes = closes;
        }

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter adapter, Draft draft) {
            return new WebSocketImpl(adapter, draft);
        }

        @Override
        public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
            return new WebSocketImpl(adapter, drafts);
        }

        @Override
        public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) {
            return new WriteThroughChannel(channel, closes);
        }

        @Override
        public void close() {
            // Nothing held.
        }
    }
}

package app.carrel.server;

import app.carrel.protocol.CloseCodes;
import app.carrel.protocol.TextRules;
import app.carrel.server.connection.Gateway;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.Outlet;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
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
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
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
 */
final class SignalingServer extends WebSocketServer {
    private static final Logger LOG = LoggerFactory.getLogger(SignalingServer.class);
    static final String PATH = "/signal";

    private final Gateway gateway;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    /** Signalled on every close, so shutdown can wait for the close handshakes to finish. */
    private final Object closes = new Object();
    private volatile boolean shuttingDown;

    SignalingServer(InetSocketAddress address, Gateway gateway, SSLContext tls) {
        super(address, List.of(new Draft_6455(List.of(), TextRules.MAX_MESSAGE_BYTES)));
        this.gateway = gateway;
        setReuseAddr(true);
        setTcpNoDelay(true);
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
        conn.setAttachment(gateway.opened(new SocketOutlet(conn)));
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

    /** A {@link WebSocket} as room logic sees it. */
    private record SocketOutlet(WebSocket ws) implements Outlet {
        @Override
        public boolean send(String text) {
            try {
                ws.send(text);
                return true;
            } catch (WebsocketNotConnectedException e) {
                return false;
            }
        }

        @Override
        public void close(int code, String reason) {
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
}

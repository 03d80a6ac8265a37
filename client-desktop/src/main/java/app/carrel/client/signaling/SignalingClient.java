package app.carrel.client.signaling;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.Codec;
import app.carrel.protocol.Decoded;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.ServerMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection to a Carrel server (ws:// or wss://), the only class of the client
 * that imports org.java_websocket. Requests get an id and a future of the direct answer; an
 * {@code error} answer fails the future with {@link SignalingException}. Everything, answers
 * included, is handed to {@code executor} in arrival order, so a {@code joined} is always
 * seen before the relayed offers queued behind it. One instance per connection: reconnecting
 * makes a new one. For wss:// the server's certificate is checked against {@code trust} (null:
 * the JVM's trust store), host name included.
 */
public final class SignalingClient {

    private static final Logger log = LoggerFactory.getLogger(SignalingClient.class);
    private static final Codec CODEC = new Codec();
    private static final AtomicLong CONNECTIONS = new AtomicLong();
    private static final Duration LOST_CONNECTION_CHECK = Duration.ofSeconds(15);

    private final URI uri;
    private final Executor executor;
    private final SignalingListener listener;
    private final Duration requestTimeout;
    private final AtomicLong nextId = new AtomicLong(1);
    // Pending answers, keyed by request id; completed on the socket or timer thread, and every
    // outcome (answer, error, close, timeout) handed to the executor before a caller sees it.
    private final Map<String, CompletableFuture<ServerMessage>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<ServerMessage.Welcome> welcome = new CompletableFuture<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Socket socket;
    // Written on the socket thread before its onClose, which reads it.
    private volatile Exception lastError;
    // The last error the server sent without an id, on the socket thread: when the server then
    // closes with 1008 (policy), it is the reason (too-many-connections, sustained rate abuse), and
    // whatever fails with the close fails with its code, which the app shows in its own words.
    private volatile ServerMessage.Error unaskedError;
    // Why the socket closed, set on the socket thread before the pending requests fail with it,
    // so a request sent after the close fails with the same reason.
    private volatile SignalingException closedWith;

    public SignalingClient(URI uri, Executor executor, SignalingListener listener, Duration requestTimeout) {
        this(uri, executor, listener, requestTimeout, null);
    }

    public SignalingClient(URI uri, Executor executor, SignalingListener listener, Duration requestTimeout,
                           SSLContext trust) {
        this.uri = uri;
        this.executor = executor;
        this.listener = listener;
        this.requestTimeout = requestTimeout;
        this.socket = new Socket(uri);
        // The server pings us, but a server that vanished silently (a dropped network, a
        // suspended laptop's Wi-Fi) sends nothing at all: our own pings notice within ~1.5×
        // this and close, which starts the reconnect.
        socket.setConnectionLostTimeout((int) LOST_CONNECTION_CHECK.toSeconds());
        if (trust != null && "wss".equalsIgnoreCase(uri.getScheme())) {
            socket.setSocketFactory(trust.getSocketFactory());
        }
    }

    /** Connects and waits for the server's {@code welcome}; completes on the executor. */
    public CompletableFuture<ServerMessage.Welcome> connect(Duration timeout) {
        return connect(timeout, null);
    }

    /**
     * Connects; when the welcome says the server wants its join code, sends {@code joinCode} and
     * completes once the server accepts it. Fails with {@code join-code-required} when the server
     * wants a code and none was given, or with the server's refusal ({@code wrong-join-code},
     * {@code too-many-join-code-attempts}). Completes on the executor.
     */
    public CompletableFuture<ServerMessage.Welcome> connect(Duration timeout, String joinCode) {
        return welcomed(timeout).thenCompose(w -> {
            if (!w.joinCodeRequired()) {
                return CompletableFuture.completedFuture(w);
            }
            if (joinCode == null || joinCode.isBlank()) {
                return CompletableFuture.failedFuture(new SignalingException(ErrorCode.JOIN_CODE_REQUIRED,
                        uri + " needs a join code"));
            }
            return request(id -> new ClientMessage.JoinCode(id, joinCode.strip())).thenApply(accepted -> w);
        });
    }

    private CompletableFuture<ServerMessage.Welcome> welcomed(Duration timeout) {
        Thread connector = new Thread(() -> {
            try {
                if (!socket.connectBlocking(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    welcome.completeExceptionally(new SignalingException("Cannot reach " + uri, null));
                }
            } catch (InterruptedException e) {
                welcome.completeExceptionally(new SignalingException("Interrupted connecting to " + uri, e));
            } catch (RuntimeException e) {
                welcome.completeExceptionally(new SignalingException("Cannot reach " + uri + ": " + e, e));
            }
        }, "carrel-signaling-connect-" + CONNECTIONS.incrementAndGet());
        connector.setDaemon(true);
        connector.start();
        // handleAsync, not thenApplyAsync: the *Apply*Async stages skip the executor when the
        // source failed, and failures (refused, closed, timed out) complete on socket or timer
        // threads. Every outcome must reach the executor.
        return welcome.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handleAsync((w, failure) -> {
                    if (failure == null) {
                        return w;
                    }
                    Throwable e = SignalingException.unwrap(failure);
                    throw e instanceof SignalingException s ? s
                            : new SignalingException("No welcome from " + uri + " (" + e + ")", e);
                }, executor);
    }

    /**
     * Sends a request built around a fresh id and returns its direct answer, completed on the
     * executor. The future is attached before sending so ordering with later pushes holds.
     */
    public CompletableFuture<ServerMessage> request(Function<String, ClientMessage> withId) {
        String id = Long.toString(nextId.getAndIncrement());
        CompletableFuture<ServerMessage> answer = new CompletableFuture<>();
        pending.put(id, answer);
        CompletableFuture<ServerMessage> onExecutor = answer
                .orTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handleAsync((m, e) -> {
                    pending.remove(id);
                    if (e != null) {
                        Throwable cause = SignalingException.unwrap(e);
                        throw cause instanceof SignalingException s ? s
                                : new SignalingException("No answer from " + uri + " (" + cause + ")", cause);
                    }
                    return m;
                }, executor);
        if (!send(withId.apply(id))) {
            // A server that refuses us (too-many-connections) sends its reason and closes at once;
            // when both arrive in one read, a request sent just after the welcome finds the socket
            // closing. It then fails with that reason, from the close, not with "not connected".
            SignalingException closed = closedWith;
            if (closed != null) {
                answer.completeExceptionally(closed);
            } else if (!socket.isClosing() && !socket.isClosed()) {
                answer.completeExceptionally(new SignalingException("Not connected to " + uri, null));
            }
        }
        return onExecutor;
    }

    /** Sends a message that has no direct answer (relay, media-state). False when not open. */
    public boolean send(ClientMessage message) {
        if (!socket.isOpen()) {
            log.debug("Dropping {} on closed connection", message.getClass().getSimpleName());
            return false;
        }
        try {
            socket.send(CODEC.encode(message));
            return true;
        } catch (RuntimeException e) {
            log.warn("Send failed: {}", e.toString());
            return false;
        }
    }

    public boolean isOpen() {
        return socket.isOpen();
    }

    /** True once the connection has closed, whoever closed it (false before it opened). */
    public boolean isClosed() {
        return socket.isClosed();
    }

    public URI uri() {
        return uri;
    }

    /** Closes normally; pending requests fail. */
    public void close() {
        closing.set(true);
        socket.close();
    }

    /**
     * Closes and waits until the socket threads have ended. A server that does not answer the
     * close handshake within {@code limit} is cut off: closing the window never hangs on it.
     */
    public void closeBlocking(Duration limit) throws InterruptedException {
        closing.set(true);
        Executor cutOff = CompletableFuture.delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> {
            if (!socket.isClosed()) {
                log.info("No close handshake from {} within {} ms; closing the connection", uri, limit.toMillis());
                socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "no answer to our close");
            }
        }, cutOff);
        socket.closeBlocking();
        watchdog.cancel(false);
    }

    private void onText(String text) {
        Decoded<ServerMessage> decoded = CODEC.decodeServer(text);
        if (decoded instanceof Decoded.Invalid<ServerMessage> invalid) {
            log.warn("Ignoring malformed server message ({}): {}", invalid.reason(), abbreviate(text));
            return;
        }
        ServerMessage message = ((Decoded.Ok<ServerMessage>) decoded).message();
        if (message instanceof ServerMessage.Welcome w) {
            welcome.complete(w);
            return;
        }
        CompletableFuture<ServerMessage> answer = pending.remove(idOf(message));
        if (message instanceof ServerMessage.Error error && error.id() == null) {
            unaskedError = error;
        }
        if (answer == null) {
            executor.execute(() -> listener.onMessage(message));
        } else if (message instanceof ServerMessage.Error error) {
            answer.completeExceptionally(new SignalingException(error.code(), error.message()));
        } else {
            answer.complete(message);
        }
    }

    private void onSocketClosed(int code, String reason) {
        Exception error = lastError;
        SignalingException failure = error instanceof SSLException tls
                ? new SignalingException("TLS handshake with " + uri + " failed: " + tls.getMessage()
                        + " (the server's certificate must be trusted and name this host; a self-hosted"
                        + " server's own certificate can be trusted explicitly, e.g. carrel-bot --trust-cert"
                        + " server.pem)", tls)
                : code == CloseFrame.POLICY_VALIDATION && unaskedError != null
                ? new SignalingException(unaskedError.code(), unaskedError.message())
                : new SignalingException("Connection to " + uri + " closed ("
                        + code + (reason.isEmpty() ? "" : " " + reason) + ")", error);
        closedWith = failure;
        welcome.completeExceptionally(failure);
        pending.values().forEach(f -> f.completeExceptionally(failure));
        boolean byUs = closing.get();
        executor.execute(() -> listener.onClosed(code, reason, byUs));
    }

    private static String idOf(ServerMessage message) {
        String id = null;
        if (message instanceof ServerMessage.Rooms m) {
            id = m.id();
        } else if (message instanceof ServerMessage.RoomCreated m) {
            id = m.id();
        } else if (message instanceof ServerMessage.Joined m) {
            id = m.id();
        } else if (message instanceof ServerMessage.Left m) {
            id = m.id();
        } else if (message instanceof ServerMessage.Chat m) {
            id = m.id();
        } else if (message instanceof ServerMessage.Timer m) {
            id = m.id();
        } else if (message instanceof ServerMessage.Error m) {
            id = m.id();
        } else if (message instanceof ServerMessage.SfuPublished m) {
            id = m.id();
        } else if (message instanceof ServerMessage.JoinCodeAccepted m) {
            id = m.id();
        } else if (message instanceof ServerMessage.RoomUpdated m) {
            id = m.id();
        } else if (message instanceof ServerMessage.RoomDeleted m) {
            id = m.id();
        } else if (message instanceof ServerMessage.ParticipantRemoved m) {
            id = m.id();
        } else if (message instanceof ServerMessage.MuteAsked m) {
            id = m.id();
        } else if (message instanceof ServerMessage.GoalChanged m) {
            id = m.id();
        } else if (message instanceof ServerMessage.PresenceChanged m) {
            id = m.id();
        } else if (message instanceof ServerMessage.CheckedIn m) {
            id = m.id();
        }
        return id == null ? "" : id;
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** The Java-WebSocket adapter: callbacks come on its reader thread and must not throw. */
    private final class Socket extends WebSocketClient {

        Socket(URI uri) {
            super(uri);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            log.debug("Connected to {}", uri);
        }

        @Override
        public void onMessage(String text) {
            try {
                onText(text);
            } catch (RuntimeException e) {
                log.error("Failed handling server message", e);
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            try {
                onSocketClosed(code, reason == null ? "" : reason);
            } catch (RuntimeException e) {
                log.error("Failed handling close", e);
            }
        }

        /**
         * Handshakes TLS right here, on the connecting thread, with the host name check in place.
         * Left alone, Java-WebSocket handshakes lazily on its writer thread, which races its reader
         * thread to report a refused certificate, and often only a bare "closed (-1)" came out.
         * Thrown from here, the failure reaches onError before onClose, on this one thread.
         */
        @Override
        protected void onSetSSLParameters(SSLParameters parameters) {
            super.onSetSSLParameters(parameters);
            SSLSocket tls = (SSLSocket) getSocket();
            tls.setSSLParameters(parameters);
            try {
                tls.startHandshake();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void onError(Exception e) {
            lastError = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            log.debug("WebSocket error on {}: {}", uri, e.toString());
        }
    }
}

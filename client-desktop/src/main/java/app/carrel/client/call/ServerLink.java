package app.carrel.client.call;

import app.carrel.client.i18n.Texts;
import app.carrel.client.signaling.SignalingClient;
import app.carrel.client.signaling.SignalingException;
import app.carrel.client.signaling.SignalingListener;
import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.IceCandidate;
import app.carrel.protocol.SfuPc;
import app.carrel.protocol.ServerMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's link to the server across connections: connects on demand, and while in a room
 * turns a dropped socket into reconnect attempts with backoff that rejoin with the resume token.
 * Relay messages written while disconnected wait in an outbox (the server keeps ours for us
 * likewise). Owned by the engine thread.
 */
final class ServerLink {

    private static final Logger log = LoggerFactory.getLogger(ServerLink.class);
    private static final int OUTBOX_LIMIT = 256;
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    // How long leaving waits for the server's half of the close handshake before cutting it.
    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(3);

    private final CallConfig config;
    private final EngineThread thread;
    private final CallListeners listeners;
    private final StateHolder state;
    private final Consumer<ServerMessage> onMessage;
    private final Consumer<ServerMessage.Joined> onResumed;
    private final Consumer<SignalingException> onRefused;
    private final Deque<ClientMessage> outbox = new ArrayDeque<>();
    private SignalingClient client;
    private CompletableFuture<Void> connecting;
    private String roomId;
    private String resumeToken;
    private String password;
    private int attempt;
    private boolean attemptInFlight;
    private ScheduledFuture<?> retry;
    private boolean shutdown;

    ServerLink(CallConfig config, EngineThread thread, CallListeners listeners, StateHolder state,
              Consumer<ServerMessage> onMessage, Consumer<ServerMessage.Joined> onResumed,
               Consumer<SignalingException> onRefused) {
        this.config = config;
        this.thread = thread;
        this.listeners = listeners;
        this.state = state;
        this.onMessage = onMessage;
        this.onResumed = onResumed;
        this.onRefused = onRefused;
    }

    boolean isOpen() {
        return client != null && client.isOpen() && !attemptInFlight;
    }

    /** Connects unless connected; completes on the engine thread. */
    CompletableFuture<Void> connect() {
        if (isOpen()) {
            return CompletableFuture.completedFuture(null);
        }
        if (connecting != null) {
            return connecting;
        }
        if (roomId != null) {
            return CompletableFuture.failedFuture(new SignalingException("Reconnecting to the server", null));
        }
        state.set(CallState.CONNECTING);
        SignalingClient fresh = newClient();
        connecting = fresh.connect(config.requestTimeout(), config.joinCode()).handleAsync((welcome, error) -> {
            connecting = null;
            if (error != null) {
                fresh.close(); // a refused join code leaves the socket open
                client = null;
                state.set(CallState.IDLE);
                Throwable cause = SignalingException.unwrap(error);
                throw cause instanceof SignalingException s ? s : new SignalingException(cause.toString(), cause);
            }
            log.info("Connected to {} ({})", fresh.uri(), welcome.server());
            state.set(CallState.LOBBY);
            return null;
        }, thread);
        return connecting;
    }

    /** A lobby or room request (list, create, chat, timer, goal…): connects first when needed. */
    CompletableFuture<ServerMessage> connectAndRequest(Function<String, ClientMessage> withId) {
        return connect().thenCompose(v -> request(withId));
    }

    CompletableFuture<ServerMessage> request(Function<String, ClientMessage> withId) {
        if (client == null) {
            return CompletableFuture.failedFuture(new SignalingException("Not connected", null));
        }
        return client.request(withId);
    }

    void joined(ServerMessage.Joined joined, String password) {
        this.roomId = joined.room().id();
        this.resumeToken = joined.resume();
        this.password = password;
    }

    void left() {
        roomId = null;
        resumeToken = null;
        password = null;
        outbox.clear();
        cancelRetry();
    }

    Relay relay() {
        return new Relay() {
            @Override
            public void offer(String to, String sdp) {
                sendOrQueue(new ClientMessage.Offer(null, to, sdp));
            }

            @Override
            public void answer(String to, String sdp) {
                sendOrQueue(new ClientMessage.Answer(null, to, sdp));
            }

            @Override
            public void ice(String to, IceCandidate candidate) {
                sendOrQueue(new ClientMessage.Ice(null, to, candidate));
            }
        };
    }

    /** What a hall's connections send: through the server, which speaks to Janus for us. */
    SfuSignals sfu() {
        return new SfuSignals() {
            @Override
            public CompletableFuture<String> publish(String sdp, String screenMid) {
                return request(id -> new ClientMessage.SfuPublish(id, sdp, screenMid)).thenApply(reply -> {
                    if (reply instanceof ServerMessage.SfuPublished published) {
                        return published.sdp();
                    }
                    throw new IllegalStateException("Unexpected answer to sfu-publish: " + reply);
                });
            }

            @Override
            public void answer(String sdp) {
                sendOrQueue(new ClientMessage.SfuAnswer(null, sdp));
            }

            @Override
            public void ice(SfuPc pc, IceCandidate candidate) {
                sendOrQueue(new ClientMessage.SfuIce(null, pc, candidate));
            }

            @Override
            public void view(List<String> peerIds, int layer, List<String> large) {
                sendOrQueue(new ClientMessage.SfuView(null, peerIds, layer, large));
            }
        };
    }

    void sendOrQueue(ClientMessage message) {
        if (isOpen() && client.send(message)) {
            return;
        }
        if (outbox.size() >= OUTBOX_LIMIT) {
            log.warn("Outbox full; dropping {}", message.getClass().getSimpleName());
            return;
        }
        outbox.add(message);
    }

    /** Closes the connection for good and waits for its threads. Call off the engine thread. */
    void shutdown() {
        SignalingClient last = thread.call(() -> {
            shutdown = true;
            cancelRetry();
            SignalingClient c = client;
            client = null;
            return c;
        });
        if (last != null) {
            try {
                last.closeBlocking(CLOSE_LIMIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private SignalingClient newClient() {
        ClientEvents events = new ClientEvents();
        events.source = new SignalingClient(config.server().get(), thread, events, config.requestTimeout(),
                config.trust());
        client = events.source;
        return events.source;
    }

    /** One client's events, told apart from a replaced client's by the client they came from. */
    private final class ClientEvents implements SignalingListener {
        // Set right after construction, before the client connects: no event can come earlier.
        private SignalingClient source;

        @Override
        public void onMessage(ServerMessage message) {
            if (source == client) {
                onMessage.accept(message);
            }
        }

        @Override
        public void onClosed(int code, String reason, boolean byUs) {
            onClientClosed(source, code, reason, byUs);
        }
    }

    private void onClientClosed(SignalingClient closed, int code, String reason, boolean byUs) {
        if (closed != client || byUs || shutdown) {
            return;
        }
        if (attemptInFlight) {
            return; // the attempt's own future reports this failure
        }
        log.info("Signaling connection closed ({} {})", code, reason);
        client = null;
        if (roomId != null) {
            state.set(CallState.RECONNECTING);
            scheduleRetry();
        } else {
            state.set(CallState.IDLE);
            listeners.fire(l -> l.onProblem(Texts.get("call.disconnected", code)));
        }
    }

    private void scheduleRetry() {
        if (retry != null || attemptInFlight || shutdown) {
            return;
        }
        long ceiling = Math.min(config.reconnectMaxDelay().toMillis(), FIRST_RETRY.toMillis() << Math.min(attempt, 10));
        // Somewhere in the upper half: after a server restart a whole school retries, and without
        // jitter every app knocked at the same instants (bench resume-storm --app-backoff).
        long millis = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
        attempt++;
        int number = attempt;
        Instant next = Instant.now().plusMillis(millis);
        retry = thread.schedule(this::reconnect, Duration.ofMillis(millis));
        listeners.fire(l -> l.onReconnecting(number, next));
    }

    private void cancelRetry() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }

    private void reconnect() {
        retry = null;
        if (shutdown || roomId == null) {
            return;
        }
        attemptInFlight = true;
        SignalingClient fresh = newClient();
        String room = roomId;
        fresh.connect(config.requestTimeout(), config.joinCode())
                .thenCompose(w -> fresh.request(id -> new ClientMessage.Join(id, room, config.name(), password,
                        resumeToken, null, null, null, true, true, true, null)))
                .whenCompleteAsync((message, error) -> {
                    attemptInFlight = false;
                    if (shutdown || roomId == null) {
                        fresh.close();
                    } else if (error != null && definite(error)) {
                        // The seat is gone and the server said why (the room filled, was
                        // deleted, took a new password): asking again cannot succeed.
                        log.info("Reconnect attempt {} refused for good: {}", attempt, error.getMessage());
                        fresh.close();
                        client = null;
                        onRefused.accept((SignalingException) SignalingException.unwrap(error));
                    } else if (error != null) {
                        log.info("Reconnect attempt {} failed: {}", attempt, error.getMessage());
                        fresh.close();
                        client = null;
                        scheduleRetry();
                    } else {
                        resumed(fresh, (ServerMessage.Joined) message);
                    }
                }, thread);
    }

    /** A refusal with a code, other than the two that say "later" (rate limit, server fault). */
    private static boolean definite(Throwable error) {
        return SignalingException.unwrap(error) instanceof SignalingException s && s.code() != null
                && s.code() != ErrorCode.RATE_LIMITED && s.code() != ErrorCode.SERVER_ERROR;
    }

    private void resumed(SignalingClient fresh, ServerMessage.Joined joined) {
        log.info("Rejoined room {} as {} after {} attempt(s)", joined.room().id(), joined.self().id(), attempt);
        attempt = 0;
        resumeToken = joined.resume();
        client = fresh;
        onResumed.accept(joined);
        while (!outbox.isEmpty() && client.send(outbox.peek())) {
            outbox.poll();
        }
        state.set(CallState.IN_CALL);
    }
}

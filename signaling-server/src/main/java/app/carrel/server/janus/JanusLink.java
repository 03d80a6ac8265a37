package app.carrel.server.janus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to one Janus instance's WebSocket API, with one Janus session on it that every
 * handle of ours lives in: transactions matched to their answers, a keep-alive well inside
 * Janus's session timeout, and {@link JanusEvents#onLost} once when the socket or the session
 * dies. Thread-safe: requests may be sent from any thread; answers complete futures on the
 * socket's thread (callers hop to their own).
 *
 * <p>The JDK's WebSocket is used rather than Java-WebSocket so that the signaling socket package
 * stays the one importer of that library, and because this is a plain client of one server.
 */
public final class JanusLink {
    private static final Logger LOG = LoggerFactory.getLogger(JanusLink.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Janus drops a session after 60 s of silence by default; 20 s leaves room for two misses. */
    private static final Duration KEEPALIVE = Duration.ofSeconds(20);
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(10);

    private final URI uri;
    private final String apiSecret;
    private final JanusEvents events;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicBoolean lost = new AtomicBoolean();
    private final StringBuilder partial = new StringBuilder();
    private final ScheduledExecutorService timer;
    private volatile WebSocket socket;
    private volatile long sessionId;
    // Sends are chained: the JDK WebSocket refuses a send while the previous one is in flight.
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

    private JanusLink(URI uri, String apiSecret, JanusEvents events) {
        this.uri = uri;
        this.apiSecret = apiSecret;
        this.events = events;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "carrel-janus-keepalive");
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects and creates the session; fails if Janus is not there or refuses us. */
    public static CompletableFuture<JanusLink> open(URI uri, String apiSecret, JanusEvents events) {
        JanusLink link = new JanusLink(uri, apiSecret, events);
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("janus-protocol")
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, link.new Listener())
                .thenCompose(ws -> {
                    link.socket = ws;
                    return link.request(link.envelope("create"));
                })
                .thenApply(created -> {
                    link.sessionId = created.data().get("id").asLong();
                    link.timer.scheduleAtFixedRate(link::keepAlive, KEEPALIVE.toMillis(), KEEPALIVE.toMillis(),
                            TimeUnit.MILLISECONDS);
                    return link;
                })
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        link.close();
                    }
                });
    }

    public URI uri() {
        return uri;
    }

    public boolean alive() {
        return !lost.get();
    }

    /** Attaches a handle to a plugin; the answer is the handle id. */
    public CompletableFuture<Long> attach(String plugin) {
        ObjectNode attach = sessionEnvelope("attach");
        attach.put("plugin", plugin);
        return request(attach).thenApply(reply -> reply.data().get("id").asLong());
    }

    /**
     * A plugin request on {@code handle}. Completes with the plugin's answer: for an asynchronous
     * request the event that follows Janus's ack (with its SDP, if any); fails if the plugin
     * reports an error.
     */
    public CompletableFuture<JanusReply> message(long handle, ObjectNode body, String jsepType, String sdp) {
        return message(handle, body, jsepType, sdp, Map.of());
    }

    /** As above, with more fields for the jsep (Janus's {@code rid_order}, say). */
    public CompletableFuture<JanusReply> message(long handle, ObjectNode body, String jsepType, String sdp,
                                                 Map<String, String> jsepExtras) {
        ObjectNode message = sessionEnvelope("message");
        message.put("handle_id", handle);
        message.set("body", body);
        if (sdp != null) {
            ObjectNode jsep = message.putObject("jsep");
            jsep.put("type", jsepType);
            jsep.put("sdp", sdp);
            jsepExtras.forEach(jsep::put);
        }
        return request(message);
    }

    /** One ICE candidate (or, with {@code candidate} null, the end of them) for {@code handle}. */
    public void trickle(long handle, JsonNode candidate) {
        ObjectNode trickle = sessionEnvelope("trickle");
        trickle.put("handle_id", handle);
        if (candidate == null) {
            trickle.putObject("candidate").put("completed", true);
        } else {
            trickle.set("candidate", candidate);
        }
        request(trickle).exceptionally(e -> {
            LOG.debug("Trickle on handle {} refused: {}", handle, e.toString());
            return null;
        });
    }

    /** Lets go of a handle (Janus hangs up its PeerConnection and leaves the room for it). */
    public void detach(long handle) {
        ObjectNode detach = sessionEnvelope("detach");
        detach.put("handle_id", handle);
        request(detach).exceptionally(e -> null);
    }

    /** Closes the socket; Janus drops the session with it. No {@link JanusEvents#onLost} call. */
    public void close() {
        lost.set(true);
        timer.shutdownNow();
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        failPending(new JanusException(0, "Closed"));
    }

    private ObjectNode envelope(String janus) {
        ObjectNode node = JSON.createObjectNode();
        node.put("janus", janus);
        if (apiSecret != null) {
            node.put("apisecret", apiSecret);
        }
        return node;
    }

    private ObjectNode sessionEnvelope(String janus) {
        ObjectNode node = envelope(janus);
        node.put("session_id", sessionId);
        return node;
    }

    private void keepAlive() {
        request(sessionEnvelope("keepalive")).exceptionally(e -> {
            lose(e);
            return null;
        });
    }

    private CompletableFuture<JanusReply> request(ObjectNode request) {
        if (lost.get()) {
            return CompletableFuture.failedFuture(new JanusException(0, "Janus at " + uri + " is not connected"));
        }
        String transaction = Long.toString(transactions.incrementAndGet());
        request.put("transaction", transaction);
        CompletableFuture<JanusReply> answer = new CompletableFuture<JanusReply>()
                .orTimeout(REQUEST_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        // Janus acks every request; only a plugin message gets its answer in a later event.
        pending.put(transaction, new Pending(answer, "message".equals(request.path("janus").asText())));
        answer.whenComplete((r, e) -> pending.remove(transaction));
        String text = request.toString();
        if (LOG.isDebugEnabled()) {
            LOG.debug("-> {}", apiSecret == null ? text : text.replace(apiSecret, "(secret)"));
        }
        synchronized (this) {
            sending = sending.exceptionally(e -> null).thenCompose(v -> socket.sendText(text, true));
            sending.exceptionally(e -> {
                lose(e);
                return null;
            });
        }
        return answer;
    }

    private void onMessage(String text) {
        LOG.debug("<- {}", text.length() > 300 ? text.substring(0, 300) + "..." : text);
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (Exception e) {
            LOG.warn("Unreadable message from Janus at {}: {}", uri, e.toString());
            return;
        }
        String kind = message.path("janus").asText();
        String transaction = message.path("transaction").asText(null);
        Pending entry = transaction == null ? null : pending.get(transaction);
        CompletableFuture<JanusReply> waiting = entry == null ? null : entry.answer();
        switch (kind) {
            case "ack" -> {
                // A plugin message's event follows its ack; keepalive and trickle are done.
                if (entry != null && !entry.awaitsEvent()) {
                    waiting.complete(new JanusReply(message, null));
                }
            }
            case "success" -> {
                if (waiting != null) {
                    JsonNode data = message.has("plugindata") ? message.path("plugindata").path("data")
                            : message.path("data");
                    completePlugin(waiting, data, null);
                }
            }
            case "event" -> {
                JanusReply reply = new JanusReply(message.path("plugindata").path("data"), message.get("jsep"));
                if (waiting != null) {
                    completePlugin(waiting, reply.data(), reply.jsep());
                } else {
                    events.onPluginEvent(message.path("sender").asLong(), reply);
                }
            }
            case "error" -> {
                JsonNode error = message.path("error");
                if (waiting != null) {
                    waiting.completeExceptionally(new JanusException(error.path("code").asInt(),
                            error.path("reason").asText("Janus refused the request")));
                }
            }
            case "webrtcup" -> events.onWebrtcUp(message.path("sender").asLong());
            case "timeout" -> lose(new JanusException(0, "Janus session timed out"));
            default -> {
                // media, slowlink, hangup, detached, trickle: nothing we act on.
            }
        }
    }

    private static void completePlugin(CompletableFuture<JanusReply> waiting, JsonNode data, JsonNode jsep) {
        if (data.has("error_code")) {
            waiting.completeExceptionally(new JanusException(data.path("error_code").asInt(),
                    data.path("error").asText("The plugin refused the request")));
        } else {
            waiting.complete(new JanusReply(data, jsep));
        }
    }

    private void lose(Throwable cause) {
        if (lost.compareAndSet(false, true)) {
            LOG.warn("Lost Janus at {}: {}", uri, cause.toString());
            timer.shutdownNow();
            WebSocket ws = socket;
            if (ws != null) {
                ws.abort();
            }
            failPending(new JanusException(0, "Lost Janus at " + uri));
            events.onLost(this, cause);
        }
    }

    private void failPending(JanusException cause) {
        for (Pending waiting : pending.values()) {
            waiting.answer().completeExceptionally(cause);
        }
    }

    private record Pending(CompletableFuture<JanusReply> answer, boolean awaitsEvent) {
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    onMessage(text);
                } catch (RuntimeException e) {
                    LOG.error("Handling a message from Janus failed", e);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            lose(new JanusException(0, "Janus closed the connection (" + statusCode + " " + reason + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            lose(error);
        }
    }
}

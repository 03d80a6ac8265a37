package app.carrel.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.net.ssl.SSLSocketFactory;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.client.WebSocketClient;

/**
 * A real WebSocket client that records everything the server sends, so a test asserts the next
 * event with a timeout (after okhttp's WebSocketRecorder). Every wait fails with "Timed out
 * waiting for …" rather than hanging.
 */
public class RecordingClient extends WebSocketClient {

    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    /** What the server did, in arrival order. */
    public sealed interface Event {
    }

    public record Text(String raw, JsonNode json) implements Event {
    }

    public record Closed(int code, String reason, boolean remote) implements Event {
    }

    public record Failure(Exception error) implements Event {
    }

    // Written by Java-WebSocket's reader thread, read by the test thread; the queue is the hand-off.
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private final Semaphore pings = new Semaphore(0);
    private volatile boolean answersPings = true;

    public RecordingClient(URI uri) {
        super(uri);
        // The server's keep-alive is under test; our own client pings would count as traffic.
        setConnectionLostTimeout(0);
    }

    /** Connects (wss too, when a factory is given) and fails the test if the handshake does not complete. */
    public static RecordingClient open(URI uri, SSLSocketFactory tls) {
        RecordingClient client = new RecordingClient(uri);
        client.connectOrFail(tls);
        return client;
    }

    public void connectOrFail(SSLSocketFactory tls) {
        if (tls != null) {
            setSocketFactory(tls);
        }
        try {
            if (!connectBlocking(DEFAULT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("Timed out connecting to " + uri + "; events: " + events);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while connecting", e);
        }
    }

    /** Stop answering the server's pings, like a client whose network vanished. */
    public void stopAnsweringPings() {
        answersPings = false;
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata f) {
        pings.release();
        if (answersPings) {
            super.onWebsocketPing(conn, f);
        }
    }

    /** Fails unless the server pings this connection within {@code wait}. */
    public void awaitPing(Duration wait) {
        try {
            if (!pings.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("Timed out waiting for a ping from the server after " + wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting", e);
        }
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
    }

    @Override
    public void onMessage(String message) {
        events.add(new Text(message, Json.parse(message)));
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        events.add(new Failure(new IllegalStateException("Server sent a binary message of "
                + bytes.remaining() + " bytes; the contract only has text")));
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        events.add(new Closed(code, reason, remote));
        closedLatch.countDown();
    }

    @Override
    public void onError(Exception ex) {
        events.add(new Failure(ex));
    }

    /** Sends a message built from key/value pairs, see {@link Json#object}. */
    public void sendJson(Object... keyValues) {
        send(Json.object(keyValues));
    }

    public Event nextEvent(Duration wait) {
        try {
            Event event = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                fail("Timed out waiting for an event after " + wait);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting", e);
        }
    }

    public JsonNode next() {
        return next(DEFAULT_WAIT);
    }

    /** The next text message; fails on a close or error instead. */
    public JsonNode next(Duration wait) {
        Event event;
        try {
            event = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting", e);
        }
        if (event == null) {
            return fail("Timed out waiting for a message after " + wait);
        }
        if (event instanceof Text text) {
            return text.json();
        }
        return fail("Expected a message but got " + event);
    }

    /** The next message, which must be of {@code type}. */
    public JsonNode expect(String type) {
        return expect(type, DEFAULT_WAIT);
    }

    public JsonNode expect(String type, Duration wait) {
        JsonNode message = next(wait);
        assertEquals(type, message.path("type").asText(null), () -> "Expected a '" + type + "' but got " + message);
        return message;
    }

    /** Skips messages of other types (e.g. coalesced lobby pushes) until one of {@code type}. */
    public JsonNode nextOfType(String type) {
        return nextMatching(m -> type.equals(m.path("type").asText(null)), "a '" + type + "'", DEFAULT_WAIT);
    }

    public JsonNode nextMatching(Predicate<JsonNode> wanted, String what, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        StringBuilder skipped = new StringBuilder();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return fail("Timed out waiting for " + what + " after " + wait + "; skipped: " + skipped);
            }
            JsonNode message = next(Duration.ofNanos(left));
            if (wanted.test(message)) {
                return message;
            }
            skipped.append(message).append('\n');
        }
    }

    public Closed awaitClose() {
        return awaitClose(DEFAULT_WAIT);
    }

    /** Waits for the close, skipping messages still in flight before it; fails on timeout. */
    public Closed awaitClose(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return fail("Timed out waiting for the connection to close after " + wait + " (" + getReadyState()
                        + ", local port " + (getSocket() == null ? "none" : getSocket().getLocalPort()) + ")");
            }
            Event event = nextEvent(Duration.ofNanos(left));
            if (event instanceof Closed closed) {
                return closed;
            }
        }
    }

    /**
     * Moves messages into {@code into} for up to {@code wait}; returns the close if the connection
     * closed meanwhile, else {@code null}. For tests that keep sending until the server closes them.
     */
    public Closed drainUntilClosed(Duration wait, List<JsonNode> into) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Event event = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
                if (event == null) {
                    return null;
                }
                if (event instanceof Closed closed) {
                    return closed;
                }
                if (event instanceof Text text) {
                    into.add(text.json());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting", e);
        }
    }

    /** Fails unless the connection is closed by the server with {@code code}. */
    public void awaitCloseCode(int code, Duration wait) {
        Closed closed = awaitClose(wait);
        assertEquals(code, closed.code(), () -> "Close code; close was " + closed);
    }

    /**
     * For the rare rule that can only be proven by time passing (a paused timer that must not
     * fire): nothing at all may arrive within {@code quiet}.
     */
    public void expectNothingFor(Duration quiet) {
        try {
            Event event = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
            if (event != null) {
                fail("Expected nothing for " + quiet + " but got " + event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting", e);
        }
    }

    /**
     * Closes from our side and waits (bounded, unlike {@code closeBlocking}) until closed, so a
     * server that never answers the close handshake cannot hang the teardown.
     */
    public void closeQuietly() {
        close();
        try {
            if (!closedLatch.await(DEFAULT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                closeConnection(1006, "test teardown: no close handshake");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

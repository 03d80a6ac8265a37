package app.carrel.server.gateway;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.CloseCodes;
import app.carrel.protocol.Codec;
import app.carrel.protocol.Decoded;
import app.carrel.protocol.ErrorCode;
import app.carrel.server.access.AddressKey;
import app.carrel.server.admin.ServerMetrics;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.Outlet;
import app.carrel.server.rooms.RoomsExecutor;
import java.net.InetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where socket events enter: called on the socket's selector thread, it rate-limits and decodes
 * there, then queues the work for the rooms thread, which is usually that same thread taking the
 * rooms' turn at the end of the read ({@link #read}, {@code RoomsTurn}). The queue is FIFO and a
 * connection is read by one thread, so each sender's order is kept.
 */
public final class Gateway {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final Codec codec;
    private final Dispatcher dispatcher;
    private final RoomsExecutor rooms;
    private final ServerMetrics metrics;
    private final int rateLimit;
    private final int rateBurst;
    private final String welcome;

    public Gateway(Codec codec, Dispatcher dispatcher, RoomsExecutor rooms, ServerMetrics metrics,
                   int rateLimit, int rateBurst, String welcome) {
        this.codec = codec;
        this.dispatcher = dispatcher;
        this.rooms = rooms;
        this.metrics = metrics;
        this.rateLimit = rateLimit;
        this.rateBurst = rateBurst;
        this.welcome = welcome;
    }

    /**
     * Decodes one read's bytes ({@code decode} calls back into {@link #text} and the others) and
     * then runs the room work they brought in one burst, so several messages in one read share
     * one write per connection.
     */
    public void read(Runnable decode) {
        rooms.batch(decode);
    }

    public Inlet opened(Outlet outlet) {
        return opened(outlet, new Connection(outlet));
    }

    /**
     * A connection from {@code remote}: after its welcome, the rooms thread counts it against its
     * address (and may refuse it) before anything it sends, which queues behind that hop.
     */
    public Inlet opened(Outlet outlet, InetAddress remote) {
        Connection c = new Connection(outlet, AddressKey.of(remote));
        Inlet in = opened(outlet, c);
        rooms.execute(() -> dispatcher.onOpen(c));
        return in;
    }

    private Inlet opened(Outlet outlet, Connection c) {
        long now = System.nanoTime();
        Inlet in = new Inlet(c, new RateLimiter(rateLimit, rateBurst, now), now);
        metrics.connectionOpened();
        // Sent before the first message is read, so it is always the first thing a client sees.
        outlet.send(welcome);
        return in;
    }

    /**
     * A failure here is a server bug on this connection's own path, with no request it could be
     * reported against: the connection is closed with 1011 rather than left waiting in silence.
     */
    public void text(Inlet in, String text) {
        try {
            accept(in, text);
        } catch (RuntimeException e) {
            LOG.error("Handling a message failed; closing the connection with 1011", e);
            in.connection().outlet().close(CloseCodes.SERVER_ERROR, "Server error");
        }
    }

    private void accept(Inlet in, String text) {
        long now = System.nanoTime();
        in.heard(now);
        if (!in.limiter().tryAcquire(now)) {
            dropped(in, text, now);
            return;
        }
        Connection c = in.connection();
        Decoded<ClientMessage> decoded = codec.decodeClient(text);
        if (decoded instanceof Decoded.Ok<ClientMessage> ok) {
            ClientMessage m = ok.message();
            rooms.execute(() -> dispatcher.onMessage(c, m));
        } else if (decoded instanceof Decoded.Invalid<ClientMessage> bad) {
            rooms.execute(() -> dispatcher.onInvalid(c, bad.id(), bad.code(), bad.reason()));
        }
    }

    public void binary(Inlet in) {
        in.heard(System.nanoTime());
        in.connection().outlet().close(CloseCodes.UNSUPPORTED_DATA, "Binary messages are not supported");
    }

    /** A pong, a ping or any frame: the connection is alive. */
    public void heard(Inlet in) {
        in.heard(System.nanoTime());
    }

    /**
     * Queued before the gauge drops, so whoever sees {@code carrel_connections} fall knows that
     * anything it sends from then on reaches the rooms thread after this disconnect.
     */
    public void closed(Inlet in) {
        Connection c = in.connection();
        rooms.execute(() -> dispatcher.onDisconnect(c));
        metrics.connectionClosed();
    }

    private void dropped(Inlet in, String text, long now) {
        Connection c = in.connection();
        metrics.rateLimited();
        Decoded<ClientMessage> decoded = codec.decodeClient(text);
        String id = decoded instanceof Decoded.Ok<ClientMessage> ok ? ok.message().id()
                : ((Decoded.Invalid<ClientMessage>) decoded).id();
        rooms.execute(() -> dispatcher.onInvalid(c, id, ErrorCode.RATE_LIMITED,
                "Too many messages: at most " + rateLimit + " per second, bursts of " + rateBurst));
        if (in.limiter().droppedAndAbusive(now)) {
            LOG.info("Closing a connection that exceeded the rate limit for {} s", RateLimiter.ABUSIVE_SECONDS);
            c.outlet().close(CloseCodes.POLICY_VIOLATION, "Sustained rate limit abuse");
        }
    }
}

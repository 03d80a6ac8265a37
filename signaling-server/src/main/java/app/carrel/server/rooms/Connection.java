package app.carrel.server.rooms;

import app.carrel.server.connection.RateLimiter;
import java.util.ArrayDeque;

/**
 * One client connection. Who owns what:
 * <ul>
 *   <li>{@code outlet} and {@code limiter} are fixed at open; the limiter is used only by the
 *       Java-WebSocket worker the connection is pinned to.</li>
 *   <li>{@code lastHeardNanos} is written by that worker and read by the keep-alive sweep.</li>
 *   <li>Everything else is owned by the rooms thread; nothing there is synchronized.</li>
 * </ul>
 */
public final class Connection {
    private final Outlet outlet;
    private final RateLimiter limiter;
    private volatile long lastHeardNanos;

    private Participant participant;
    private boolean lobbySubscriber;
    private boolean closed;
    /** True while a request of this connection waits on slow work (a password hash). */
    private boolean busy;
    /** Requests that arrived while busy, run in order once it is done. */
    private final ArrayDeque<Runnable> backlog = new ArrayDeque<>();

    public Connection(Outlet outlet, RateLimiter limiter, long nowNanos) {
        this.outlet = outlet;
        this.limiter = limiter;
        this.lastHeardNanos = nowNanos;
    }

    public Outlet outlet() {
        return outlet;
    }

    public RateLimiter limiter() {
        return limiter;
    }

    public void heard(long nowNanos) {
        lastHeardNanos = nowNanos;
    }

    public long lastHeardNanos() {
        return lastHeardNanos;
    }

    /** Sends unless the connection is gone; a vanished socket is not an error here. */
    public void send(String json) {
        if (!closed) {
            outlet.send(json);
        }
    }

    public Participant participant() {
        return participant;
    }

    void seat(Participant p) {
        this.participant = p;
    }

    void unseat() {
        this.participant = null;
    }

    public boolean lobbySubscriber() {
        return lobbySubscriber;
    }

    public void lobbySubscriber(boolean subscribed) {
        this.lobbySubscriber = subscribed;
    }

    public boolean closed() {
        return closed;
    }

    void markClosed() {
        closed = true;
        backlog.clear();
    }

    boolean busy() {
        return busy;
    }

    void busy(boolean busy) {
        this.busy = busy;
    }

    ArrayDeque<Runnable> backlog() {
        return backlog;
    }
}

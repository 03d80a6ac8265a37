package app.carrel.server.gateway;

import app.carrel.server.rooms.Connection;

/**
 * The receiving side of one client connection: what the socket's reading thread checks before
 * anything reaches the rooms thread, kept apart from the room-side {@link Connection} it feeds.
 * Who owns what: {@code limiter} is used only by the thread that reads the connection (the
 * selector); {@code lastHeardNanos} is written by it and read by the keep-alive sweep.
 */
public final class Inlet {
    private final Connection connection;
    private final RateLimiter limiter;
    private volatile long lastHeardNanos;

    Inlet(Connection connection, RateLimiter limiter, long nowNanos) {
        this.connection = connection;
        this.limiter = limiter;
        this.lastHeardNanos = nowNanos;
    }

    public Connection connection() {
        return connection;
    }

    RateLimiter limiter() {
        return limiter;
    }

    void heard(long nowNanos) {
        lastHeardNanos = nowNanos;
    }

    long lastHeardNanos() {
        return lastHeardNanos;
    }
}

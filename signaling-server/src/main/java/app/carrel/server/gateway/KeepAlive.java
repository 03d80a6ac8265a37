package app.carrel.server.gateway;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings every connection each {@code pingInterval} and drops one from which nothing (pong or
 * message) has arrived for {@code deadAfter}; the drop then counts as a lost connection. Deadness
 * is checked ten times per {@code deadAfter} (at most each second), so a dead peer is noticed
 * well within the window rather than a ping period late.
 */
public final class KeepAlive implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeepAlive.class);

    private final Supplier<Collection<Inlet>> connections;
    private final Duration pingInterval;
    private final Duration deadAfter;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "carrel-keepalive");
        t.setDaemon(true);
        return t;
    });

    public KeepAlive(Supplier<Collection<Inlet>> connections, Duration pingInterval, Duration deadAfter) {
        this.connections = connections;
        this.pingInterval = pingInterval;
        this.deadAfter = deadAfter;
    }

    public void start() {
        long ping = pingInterval.toNanos();
        long check = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(TimeUnit.SECONDS.toNanos(1),
                deadAfter.toNanos() / 10));
        timer.scheduleAtFixedRate(guarded(this::pingAll), ping, ping, TimeUnit.NANOSECONDS);
        timer.scheduleAtFixedRate(guarded(() -> dropDead(System.nanoTime())), check, check, TimeUnit.NANOSECONDS);
    }

    void pingAll() {
        for (Inlet in : connections.get()) {
            in.connection().outlet().ping();
        }
    }

    void dropDead(long nowNanos) {
        for (Inlet in : connections.get()) {
            if (nowNanos - in.lastHeardNanos() > deadAfter.toNanos()) {
                LOG.debug("Dropping a connection silent for more than {}", deadAfter);
                in.connection().outlet().abort("Nothing received for " + deadAfter.toMillis() + " ms");
            }
        }
    }

    /** An exception would silently cancel a periodic task; log it and keep the schedule. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Keep-alive sweep failed", e);
            }
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

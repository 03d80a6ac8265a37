package app.carrel.server.socket;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One timer thread for the socket layer's small periodic chores: lost write turns, lingering closes. */
final class SocketHousekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SocketHousekeeping.class);
    static final long PERIOD_MS = 100;

    private final StalledWrites stalledWrites;
    private final LingeringCloses lingeringCloses;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "carrel-socket-housekeeping");
        t.setDaemon(true);
        return t;
    });

    SocketHousekeeping(StalledWrites stalledWrites, LingeringCloses lingeringCloses) {
        this.stalledWrites = stalledWrites;
        this.lingeringCloses = lingeringCloses;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::turn, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** An exception would silently cancel the schedule: log it and keep going. */
    private void turn() {
        try {
            int stalled = stalledWrites.sweep();
            if (stalled > 0) {
                LOG.debug("Asked again for {} write turn(s) the selector had lost", stalled);
            }
            lingeringCloses.drain();
        } catch (RuntimeException e) {
            LOG.error("Socket housekeeping failed", e);
        }
    }

    /** Stops the timer and closes every lingering socket. */
    @Override
    public void close() {
        timer.shutdownNow();
        lingeringCloses.closeAll();
    }
}

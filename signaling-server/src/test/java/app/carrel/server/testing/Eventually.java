package app.carrel.server.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Polls state that pushes no events (an HTTP endpoint) until it holds, failing with the last value
 * seen. Recorded events are never waited on this way: use {@link RecordingClient}.
 */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T await(String what, Duration wait, Supplier<T> probe, java.util.function.Predicate<T> holds) {
        long deadline = System.nanoTime() + wait.toNanos();
        T last = probe.get();
        while (!holds.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what + " after " + wait + "; last: " + last);
            }
            LockSupport.parkNanos(Duration.ofMillis(25).toNanos());
            last = probe.get();
        }
        return last;
    }
}

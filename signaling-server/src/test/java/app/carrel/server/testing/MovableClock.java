package app.carrel.server.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A wall clock a test moves by hand (days in a millisecond), for a real server's rooms thread:
 * room expiry and removal blocks read it; real delays still pass in real time. Any thread.
 */
public final class MovableClock extends Clock {
    private final AtomicLong offset = new AtomicLong();

    public void advance(Duration by) {
        offset.addAndGet(by.toMillis());
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + offset.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Tests use UTC");
    }
}

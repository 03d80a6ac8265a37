package app.carrel.client.history;

import java.time.Duration;
import java.time.Instant;

/** One stretch of a running focus phase while we were in the room: what focus minutes count. */
public record FocusStretch(Instant start, Instant end) {

    public FocusStretch {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a stretch ends after it starts: " + start + " > " + end);
        }
    }

    public long seconds() {
        return Duration.between(start, end).toSeconds();
    }
}

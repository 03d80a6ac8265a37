package app.carrel.client.history;

import java.time.Instant;

/**
 * One time in a room, as the history keeps it. {@code end} is null while the session goes on (or
 * when the app died before it could write it); {@code goal} and {@code checkIn} are null until
 * the person gives them.
 */
public record FocusSession(long id, String roomId, String roomName, String server, Instant start, Instant end,
                           long focusSeconds, String goal, CheckIn checkIn) {

    /** Rounded: a one-minute phase seen from here lasts 59.9 s (the timer's messages take time). */
    public long focusMinutes() {
        return FocusStats.minutes(focusSeconds);
    }
}

package app.carrel.server.timer;

import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TimerPhase;

/**
 * A room's focus timer as plain arithmetic over epoch milliseconds. While running the truth is
 * {@code endsAt}, so every client computes the same remainder; while stopped it is
 * {@code remaining} whole seconds.
 */
public record FocusTimer(TimerPhase phase, int seconds, boolean running, Long endsAt, int remaining, String by) {

    public static FocusTimer start(TimerPhase phase, int seconds, String by, long now) {
        return new FocusTimer(phase, seconds, true, now + seconds * 1000L, seconds, by);
    }

    /** Whole seconds left, rounded up, never below zero. */
    public int remainingAt(long now) {
        if (!running) {
            return remaining;
        }
        long ms = Math.max(0, endsAt - now);
        return (int) Math.min(seconds, (ms + 999) / 1000);
    }

    public FocusTimer pause(String by, long now) {
        return new FocusTimer(phase, seconds, false, null, remainingAt(now), by);
    }

    /** A timer that already reached zero has nothing to resume and stays stopped. */
    public FocusTimer resume(String by, long now) {
        if (running || remaining == 0) {
            return new FocusTimer(phase, seconds, running, endsAt, remaining, by);
        }
        return new FocusTimer(phase, seconds, true, now + remaining * 1000L, remaining, by);
    }

    public FocusTimer reset(String by) {
        return new FocusTimer(phase, seconds, false, null, seconds, by);
    }

    /** The phase ended: what everyone is told at zero. */
    public FocusTimer finished() {
        return new FocusTimer(phase, seconds, false, null, 0, by);
    }

    public boolean endedBy(long now) {
        return running && now >= endsAt;
    }

    public ServerMessage.Timer toMessage(long now) {
        return new ServerMessage.Timer(null, phase, running, seconds, running ? endsAt : null, remainingAt(now), by);
    }
}

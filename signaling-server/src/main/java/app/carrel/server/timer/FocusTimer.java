package app.carrel.server.timer;

import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TimerPhase;

/**
 * A room's focus timer as plain arithmetic over epoch milliseconds. While running the truth is
 * {@code endsAt}, so every client computes the same remainder; while stopped it is
 * {@code remaining} whole seconds. {@code by} / {@code byName} are who acted last; {@code round}
 * counts the focus phases that ran to their end in the room's session.
 */
public record FocusTimer(TimerPhase phase, int seconds, boolean running, Long endsAt, int remaining, String by,
                         String byName, int round) {

    public FocusTimer(TimerPhase phase, int seconds, boolean running, Long endsAt, int remaining, String by) {
        this(phase, seconds, running, endsAt, remaining, by, null, 0);
    }

    /** A new phase; {@code round} carries on from the timer it replaces. */
    public static FocusTimer start(TimerPhase phase, int seconds, String by, String byName, int round, long now) {
        return new FocusTimer(phase, seconds, true, now + seconds * 1000L, seconds, by, byName, round);
    }

    public static FocusTimer start(TimerPhase phase, int seconds, String by, long now) {
        return start(phase, seconds, by, null, 0, now);
    }

    /** Whole seconds left, rounded up, never below zero. */
    public int remainingAt(long now) {
        if (!running) {
            return remaining;
        }
        long ms = Math.max(0, endsAt - now);
        return (int) Math.min(seconds, (ms + 999) / 1000);
    }

    public FocusTimer pause(String by, String byName, long now) {
        return new FocusTimer(phase, seconds, false, null, remainingAt(now), by, byName, round);
    }

    public FocusTimer pause(String by, long now) {
        return pause(by, null, now);
    }

    /** A timer that already reached zero has nothing to resume and stays stopped. */
    public FocusTimer resume(String by, String byName, long now) {
        if (running || remaining == 0) {
            return new FocusTimer(phase, seconds, running, endsAt, remaining, by, byName, round);
        }
        return new FocusTimer(phase, seconds, true, now + remaining * 1000L, remaining, by, byName, round);
    }

    public FocusTimer resume(String by, long now) {
        return resume(by, null, now);
    }

    public FocusTimer reset(String by, String byName) {
        return new FocusTimer(phase, seconds, false, null, seconds, by, byName, round);
    }

    public FocusTimer reset(String by) {
        return reset(by, null);
    }

    /**
     * The phase ended: what everyone is told at zero. A focus phase that ran out while someone sat
     * in the room ({@code counted}) is one more round.
     */
    public FocusTimer finished(boolean counted) {
        int rounds = counted && phase == TimerPhase.FOCUS ? round + 1 : round;
        return new FocusTimer(phase, seconds, false, null, 0, by, byName, rounds);
    }

    public FocusTimer finished() {
        return finished(false);
    }

    /** The room's session ended: the next one counts its rounds from zero. */
    public FocusTimer newSession() {
        return new FocusTimer(phase, seconds, running, endsAt, remaining, by, byName, 0);
    }

    public boolean endedBy(long now) {
        return running && now >= endsAt;
    }

    public ServerMessage.Timer toMessage(long now) {
        return new ServerMessage.Timer(null, phase, running, seconds, running ? endsAt : null, remainingAt(now), by,
                byName, round);
    }
}

package app.carrel.client.history;

import java.time.Instant;
import java.util.Optional;

/**
 * Counts focus time on this computer from the room's shared timer: a stretch runs while a focus
 * phase runs and we are in the room; a pause, a break, a reset or leaving ends it. Each stretch
 * is capped at the phase's end as last heard ({@code remaining}), so a "phase over" that arrives
 * late (a slow or lost connection) never adds minutes nobody focused. Pure: the caller brings
 * the clock's time. One owner (the recorder, on the FX thread).
 */
final class FocusMeter {

    private Instant since;
    private Instant cap;

    /**
     * The timer as it is now. Returns the stretch that ended with this change, if one did: the
     * caller stores it.
     */
    Optional<FocusStretch> update(boolean focusRunning, int remainingSeconds, Instant now) {
        Instant phaseEnd = now.plusSeconds(Math.max(0, remainingSeconds));
        if (since != null && (!focusRunning || now.isAfter(cap))) {
            // Ended, or ran past the phase end we knew of (so the focus seen now is new).
            Optional<FocusStretch> ended = stop(now);
            if (focusRunning) {
                since = now;
                cap = phaseEnd;
            }
            return ended;
        }
        if (focusRunning) {
            if (since == null) {
                since = now;
            }
            cap = phaseEnd; // a new phase started over this one moves it
        }
        return Optional.empty();
    }

    /**
     * The running stretch so far, once it is {@code every} long, and a new one from now: what is
     * stored survives a crash or a SIGTERM (when nothing else runs) but for the last piece.
     */
    Optional<FocusStretch> checkpoint(Instant now, java.time.Duration every) {
        if (since == null || now.isAfter(cap) || java.time.Duration.between(since, now).compareTo(every) < 0) {
            return Optional.empty();
        }
        Instant keepCap = cap;
        Optional<FocusStretch> sofar = stop(now);
        since = now;
        cap = keepCap;
        return sofar;
    }

    /** We leave (or the session is over): the running stretch, if any, ends now. */
    Optional<FocusStretch> stop(Instant now) {
        if (since == null) {
            return Optional.empty();
        }
        Instant end = now.isAfter(cap) ? cap : now;
        FocusStretch stretch = new FocusStretch(since, end.isBefore(since) ? since : end);
        since = null;
        cap = null;
        return stretch.seconds() > 0 ? Optional.of(stretch) : Optional.empty();
    }

    boolean running() {
        return since != null;
    }
}

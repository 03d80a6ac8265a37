package app.carrel.client.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Focus time as the room's timer runs it, seen from one seat. */
class FocusMeterTest {

    private static final Instant T0 = Instant.parse("2026-12-04T09:00:00Z");
    private final FocusMeter meter = new FocusMeter();

    private static Instant t(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void aPauseEndsTheStretchAndTheResumeStartsAnother() {
        assertTrue(meter.update(true, 1500, t(0)).isEmpty());
        assertEquals(Optional.of(new FocusStretch(t(0), t(600))), meter.update(false, 900, t(600)));
        assertTrue(meter.update(false, 900, t(900)).isEmpty(), "paused time is not focus");
        meter.update(true, 900, t(1200));
        assertEquals(Optional.of(new FocusStretch(t(1200), t(2100))), meter.update(false, 0, t(2100)));
    }

    @Test
    void leavingMidPhaseCountsThePartWeWereThere() {
        meter.update(true, 1500, t(0));
        assertEquals(Optional.of(new FocusStretch(t(0), t(420))), meter.stop(t(420)));
        assertTrue(meter.stop(t(500)).isEmpty());
    }

    @Test
    void aPhaseEndHeardLateDoesNotAddMinutes() {
        meter.update(true, 60, t(0));
        // The "over" message comes 5 minutes late (connection lost): the phase ended at 60 s.
        assertEquals(Optional.of(new FocusStretch(t(0), t(60))), meter.update(false, 0, t(360)));
    }

    @Test
    void aNewFocusPhaseOverARunningOneKeepsCounting() {
        meter.update(true, 60, t(0));
        meter.update(true, 1500, t(30)); // someone started 25 minutes over the last 30 s
        assertEquals(Optional.of(new FocusStretch(t(0), t(1000))), meter.stop(t(1000)));
    }

    @Test
    void aLongStretchIsStoredInPiecesThatAddUp() {
        meter.update(true, 1500, t(0));
        assertTrue(meter.checkpoint(t(30), java.time.Duration.ofMinutes(1)).isEmpty(), "not a minute yet");
        assertEquals(Optional.of(new FocusStretch(t(0), t(61))), meter.checkpoint(t(61), java.time.Duration.ofMinutes(1)));
        assertEquals(Optional.of(new FocusStretch(t(61), t(1500))), meter.update(false, 0, t(1600)),
                "the rest, still capped at the phase's end");
        assertTrue(meter.checkpoint(t(1700), java.time.Duration.ofMinutes(1)).isEmpty(), "nothing runs");
    }

    @Test
    void focusSeenAgainAfterThePhaseRanOutStartsAFreshStretch() {
        meter.update(true, 60, t(0));
        // No message at the end; the next one (a new focus phase) comes at 200 s.
        assertEquals(Optional.of(new FocusStretch(t(0), t(60))), meter.update(true, 1500, t(200)));
        assertEquals(Optional.of(new FocusStretch(t(200), t(300))), meter.stop(t(300)));
    }
}

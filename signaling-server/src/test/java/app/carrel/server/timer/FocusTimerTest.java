package app.carrel.server.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TimerPhase;
import org.junit.jupiter.api.Test;

class FocusTimerTest {
    private static final long T0 = 1_732_190_000_000L;

    @Test
    void remainingIsWholeSecondsRoundedUp() {
        FocusTimer t = FocusTimer.start(TimerPhase.FOCUS, 1500, "p", T0);
        assertEquals(T0 + 1_500_000, t.endsAt());
        assertEquals(1500, t.remainingAt(T0));
        assertEquals(1500, t.remainingAt(T0 + 1));
        assertEquals(1499, t.remainingAt(T0 + 1000));
        assertEquals(1, t.remainingAt(T0 + 1_499_999));
        assertEquals(0, t.remainingAt(T0 + 2_000_000));
    }

    @Test
    void pauseKeepsRemainingAndResumeCountsFromIt() {
        FocusTimer paused = FocusTimer.start(TimerPhase.FOCUS, 60, "a", T0).pause("b", T0 + 10_400);
        assertFalse(paused.running());
        assertEquals(50, paused.remainingAt(T0 + 999_999), "time stands still while paused");
        ServerMessage.Timer message = paused.toMessage(T0 + 20_000);
        assertNull(message.endsAt());
        assertEquals("b", message.by());
        FocusTimer resumed = paused.resume("c", T0 + 100_000);
        assertEquals(T0 + 150_000, resumed.endsAt());
        assertTrue(resumed.endedBy(T0 + 150_000));
    }

    @Test
    void resetStopsAndRestoresTheLength() {
        FocusTimer reset = FocusTimer.start(TimerPhase.BREAK, 300, "a", T0).reset("b");
        assertFalse(reset.running());
        assertEquals(300, reset.remainingAt(T0 + 1_000_000));
        assertEquals(TimerPhase.BREAK, reset.phase());
    }

    @Test
    void aFinishedTimerCannotBeResumed() {
        FocusTimer done = FocusTimer.start(TimerPhase.FOCUS, 5, "a", T0).finished();
        assertEquals(0, done.remainingAt(T0));
        assertFalse(done.resume("b", T0 + 10).running());
    }
}

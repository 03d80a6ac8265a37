package app.carrel.client.minitimer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.minitimer.MiniTimerRules.Situation;
import org.junit.jupiter.api.Test;

/** When the small timer shows: on, in a room with a timer, and Carrel out of sight. */
class MiniTimerRulesTest {

    @Test
    void itShowsWhenCarrelIsMinimisedOrInTheBackground() {
        assertTrue(MiniTimerRules.shown(new Situation(true, true, true, true, false)), "minimised");
        assertTrue(MiniTimerRules.shown(new Situation(true, true, true, true, true)), "minimised, focus not yet moved");
        assertTrue(MiniTimerRules.shown(new Situation(true, true, true, false, false)), "another program in front");
    }

    @Test
    void itHidesWhenCarrelIsInFrontOrThereIsNothingToShow() {
        assertFalse(MiniTimerRules.shown(new Situation(true, true, true, false, true)), "Carrel in front");
        assertFalse(MiniTimerRules.shown(new Situation(false, true, true, true, false)), "turned off (the default)");
        assertFalse(MiniTimerRules.shown(new Situation(true, false, true, true, false)), "not in a room");
        assertFalse(MiniTimerRules.shown(new Situation(true, true, false, true, false)), "the room has no timer");
    }
}

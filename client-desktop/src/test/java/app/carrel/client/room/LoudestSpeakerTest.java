package app.carrel.client.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The speaker is the loudest when the floor is free, and keeps it while talking and in silence. */
class LoudestSpeakerTest {

    private final LoudestSpeaker speaker = new LoudestSpeaker(0.05);

    @Test
    void nobodyIsTheSpeakerUntilSomeoneSpeaksAboveTheBar() {
        assertNull(speaker.heard("a", 0.02));
        assertEquals("b", speaker.heard("b", 0.2));
    }

    @Test
    void theLoudestTakesAFreeFloorAndTheSpeakerHoldsItWhileTalking() {
        speaker.heard("a", 0.1);
        speaker.heard("b", 0.3);
        assertEquals("a", speaker.current(), "b is louder, but a is still talking");
        speaker.heard("c", 0.2);
        assertEquals("b", speaker.heard("a", 0.0), "a fell silent: the loudest of b and c");
    }

    @Test
    void theSpeakerStaysThroughSilenceUntilSomeoneElseSpeaksOrLeaves() {
        speaker.heard("a", 0.3);
        assertEquals("a", speaker.heard("a", 0.0));
        assertEquals("a", speaker.heard("b", 0.01));
        assertEquals("b", speaker.heard("b", 0.2));
        assertNull(speaker.left("b"));
    }
}

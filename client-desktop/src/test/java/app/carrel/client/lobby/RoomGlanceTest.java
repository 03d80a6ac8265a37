package app.carrel.client.lobby;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.carrel.protocol.Room;
import app.carrel.protocol.TimerPhase;
import app.carrel.protocol.TimerSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a lobby row says about a room's timer and people, at a given instant. */
class RoomGlanceTest {

    private static final long NOW = 1_732_190_000_000L;

    @Test
    void aRunningTimerCountsDownInWholeMinutesRoundedUpFromItsEnd() {
        TimerSummary focus = new TimerSummary(TimerPhase.FOCUS, true, NOW + 12 * 60_000L, 720);
        assertEquals("Focus · 12 min left", RoomGlance.phase(focus, NOW));
        assertEquals("Focus · 12 min left", RoomGlance.phase(focus, NOW + 1_000), "11:59 left reads 12 min");
        assertEquals("Focus · 11 min left", RoomGlance.phase(focus, NOW + 60_000));
        assertEquals("Focus · 1 min left", RoomGlance.phase(focus, NOW + 12 * 60_000L - 5_000), "never 0 min");
        assertEquals("Focus · ending", RoomGlance.phase(focus, NOW + 12 * 60_000L + 500));
    }

    @Test
    void breaksPausesAndEndsReadAsSuch() {
        assertEquals("Long break · 15 min left",
                RoomGlance.phase(new TimerSummary(TimerPhase.LONG_BREAK, true, NOW + 900_000L, 900), NOW));
        assertEquals("Break · paused, 4 min left",
                RoomGlance.phase(new TimerSummary(TimerPhase.BREAK, false, null, 200), NOW));
        assertEquals("Focus done",
                RoomGlance.phase(new TimerSummary(TimerPhase.FOCUS, false, null, 0), NOW));
        assertEquals("", RoomGlance.phase(null, NOW), "a room without a timer says nothing");
    }

    @Test
    void theFirstNamesAndHowManyMore() {
        assertEquals("Ann, Bea, Cy, Dan, Eve and 7 more", RoomGlance.names(room(12, List.of("Ann", "Bea", "Cy", "Dan", "Eve"))));
        assertEquals("Ann, Bea", RoomGlance.names(room(2, List.of("Ann", "Bea"))));
        assertEquals("", RoomGlance.names(room(3, List.of())), "a locked room names nobody");
        assertEquals("", RoomGlance.names(new Room("r", "Old server", 3, 8, false)), "a v1 server sends no names");
    }

    private static Room room(int participants, List<String> names) {
        return new Room("r", "Reading", participants, 50, false, true, false, null, null, null, names);
    }
}

package app.carrel.client.lobby;

import app.carrel.client.i18n.Texts;
import app.carrel.protocol.Room;
import app.carrel.protocol.TimerSummary;
import java.util.List;

/**
 * What a lobby row says about the life in a room (docs/protocol.md §13): its timer's phase and
 * time left ("Focus · 12 min left"), and who is there ("Mina, Jo, Sam and 4 more"). Pure: the
 * row asks again as its clock ticks.
 */
final class RoomGlance {

    private RoomGlance() {
    }

    /**
     * The timer at {@code now} (epoch ms), or "" when the room has none. A running timer counts
     * down from {@code endsAt}, the server's clock: the lobby gets no message per second, and
     * {@code remaining} is as of the room's last change. Minutes are rounded up, so the last
     * minute reads "1 min left" and never "0 min".
     */
    static String phase(TimerSummary timer, long now) {
        if (timer == null || timer.phase() == null) {
            return "";
        }
        String phase = Texts.get(switch (timer.phase()) {
            case FOCUS -> "timer.focus";
            case BREAK -> "timer.break";
            case LONG_BREAK -> "timer.longBreak";
        });
        if (timer.running() && timer.endsAt() != null) {
            long left = timer.endsAt() - now;
            return left <= 0 ? Texts.get("lobby.phaseEnding", phase)
                    : Texts.get("lobby.phaseLeft", phase, minutesUp(left));
        }
        if (timer.remaining() <= 0) {
            return Texts.get("lobby.phaseDone", phase);
        }
        return Texts.get("lobby.phasePaused", phase, minutesUp(timer.remaining() * 1000L));
    }

    /** "Mina, Jo" or "Mina, Jo, Sam and 4 more"; "" when the server names nobody (or no one is there). */
    static String names(Room room) {
        List<String> names = room.names();
        if (names == null || names.isEmpty()) {
            return "";
        }
        String shown = String.join(", ", names);
        int more = room.participants() - names.size();
        return more > 0 ? Texts.get("lobby.namesMore", shown, more) : shown;
    }

    private static long minutesUp(long millis) {
        return Math.max(1, (millis + 59_999) / 60_000);
    }
}

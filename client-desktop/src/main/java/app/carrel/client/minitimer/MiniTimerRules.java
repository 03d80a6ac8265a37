package app.carrel.client.minitimer;

/**
 * When the small always-on-top timer shows: the person turned it on, they are in a room whose
 * timer has something to say (running, paused, or a phase just over: not "no timer"), and
 * Carrel is out of sight: minimised, or none of its windows has the focus (another program is
 * in front; JavaFX cannot see whether the window is really covered, losing the focus is the
 * sign a person gives). Back in Carrel (the main window or one of its dialogs), it hides.
 */
public final class MiniTimerRules {

    /** What the rule reads. {@code timerActive}: the room's timer is not idle. */
    public record Situation(boolean enabled, boolean inRoom, boolean timerActive, boolean mainIconified,
                            boolean carrelFocused) {
    }

    private MiniTimerRules() {
    }

    public static boolean shown(Situation s) {
        return s.enabled() && s.inRoom() && s.timerActive() && (s.mainIconified() || !s.carrelFocused());
    }
}

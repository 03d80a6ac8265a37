package app.carrel.client.minitimer;

import app.carrel.client.timer.TimerModel;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The timer that follows you, for one room: watches the main window and the room's timer and
 * shows or hides the {@link MiniTimerWindow} by {@link MiniTimerRules}. FX thread only; made
 * as we enter a room, {@link #dispose}d as we leave it.
 */
public final class MiniTimer {

    /**
     * Focus moving from the main window to one of our dialogs passes through "nobody focused";
     * the window shows only if that lasts (measured: openbox hands the focus over within ~50 ms).
     */
    static final Duration SETTLE = Duration.millis(300);

    private final Stage main;
    private final TimerModel timer;
    private final ObservableBooleanValue enabled;
    private final MiniTimerWindow window;
    private final PauseTransition settle = new PauseTransition(SETTLE);
    private final InvalidationListener onChange = obs -> reconsider();

    public MiniTimer(Stage main, TimerModel timer, ObservableBooleanValue micOn, ObservableBooleanValue enabled) {
        this.main = main;
        this.timer = timer;
        this.enabled = enabled;
        this.window = new MiniTimerWindow(main, timer, micOn, this::bringBack);
        settle.setOnFinished(e -> apply());
        main.iconifiedProperty().addListener(onChange);
        main.focusedProperty().addListener(onChange);
        timer.stateProperty().addListener(onChange);
        enabled.addListener(onChange);
        window.stage().focusedProperty().addListener(onChange);
    }

    /** The main window back in front: restored, raised, focused. */
    public void bringBack() {
        main.setIconified(false);
        main.show();
        main.toFront();
        main.requestFocus();
        window.hide();
    }

    public boolean showing() {
        return window.stage().isShowing();
    }

    /** Leaves the room: the window closes and nothing is watched any more. */
    public void dispose() {
        settle.stop();
        main.iconifiedProperty().removeListener(onChange);
        main.focusedProperty().removeListener(onChange);
        timer.stateProperty().removeListener(onChange);
        enabled.removeListener(onChange);
        window.hide();
    }

    Stage stage() {
        return window.stage();
    }

    private void reconsider() {
        if (shouldShow()) {
            settle.playFromStart(); // shown once it lasts
        } else {
            settle.stop();
            window.hide(); // hidden at once: Carrel is back in front
        }
    }

    private void apply() {
        if (shouldShow()) {
            window.show();
        } else {
            window.hide();
        }
    }

    private boolean shouldShow() {
        return MiniTimerRules.shown(new MiniTimerRules.Situation(enabled.get(), true,
                timer.stateProperty().get() != TimerModel.State.IDLE, main.isIconified(), carrelFocused()));
    }

    /** The main window or one of our dialogs has the focus; the mini window itself does not count. */
    private boolean carrelFocused() {
        for (Window w : Window.getWindows()) {
            if (w != window.stage() && w.isFocused()) {
                return true;
            }
        }
        return false;
    }
}

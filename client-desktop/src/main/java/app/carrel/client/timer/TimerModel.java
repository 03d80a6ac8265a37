package app.carrel.client.timer;

import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TimerAction;
import app.carrel.protocol.TimerPhase;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Duration;

/**
 * The room's shared focus timer. The server is the authority; between its messages we count
 * down locally from {@code remaining} as received (not from {@code endsAt}, so a skewed local
 * clock cannot shift it). A phase end (the server's {@code running:false, remaining:0}) raises
 * the banner and the chime. FX thread only.
 */
public final class TimerModel {

    public interface Sender {
        CompletableFuture<ServerMessage.Timer> send(TimerAction action, TimerPhase phase, Integer seconds);
    }

    private final Sender sender;
    private final Runnable chime;
    private final ReadOnlyObjectWrapper<TimerPhase> phase = new ReadOnlyObjectWrapper<>(this, "phase");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper exists = new ReadOnlyBooleanWrapper(this, "exists");
    private final ReadOnlyIntegerWrapper remaining = new ReadOnlyIntegerWrapper(this, "remaining");
    private final ReadOnlyStringWrapper display = new ReadOnlyStringWrapper(this, "display", "--:--");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.millis(250), e -> tick()));
    private Consumer<Boolean> focusRunning = on -> { };
    private long localEndMillis;

    public TimerModel(Sender sender, Runnable chime) {
        this.sender = sender;
        this.chime = chime;
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    public ReadOnlyObjectProperty<TimerPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty existsProperty() {
        return exists.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty remainingProperty() {
        return remaining.getReadOnlyProperty();
    }

    /** mm:ss, or --:-- before anyone started a timer. */
    public ReadOnlyStringProperty displayProperty() {
        return display.getReadOnlyProperty();
    }

    /** Non-empty while the "phase over" banner shows. */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Told whenever a focus phase starts or stops running ("mute me during focus"). */
    public void onFocusRunning(Consumer<Boolean> listener) {
        this.focusRunning = listener;
    }

    public void startFocus(int minutes) {
        request(TimerAction.START, TimerPhase.FOCUS, minutes * 60);
    }

    public void startBreak(int minutes) {
        request(TimerAction.START, TimerPhase.BREAK, minutes * 60);
    }

    public void pause() {
        request(TimerAction.PAUSE, null, null);
    }

    public void resume() {
        request(TimerAction.RESUME, null, null);
    }

    public void reset() {
        request(TimerAction.RESET, null, null);
    }

    public void dismissBanner() {
        banner.set("");
    }

    /** Any timer message: the join snapshot, others' changes, or the answer to ours. */
    public void update(ServerMessage.Timer timer) {
        if (timer == null) {
            return;
        }
        boolean wasFocusRunning = running.get() && phase.get() == TimerPhase.FOCUS;
        boolean ended = running.get() && !timer.running() && timer.remaining() == 0;
        exists.set(true);
        phase.set(timer.phase());
        running.set(timer.running());
        remaining.set(timer.remaining());
        localEndMillis = System.currentTimeMillis() + timer.remaining() * 1000L;
        render();
        if (timer.running()) {
            ticker.play();
            banner.set("");
        } else {
            ticker.stop();
        }
        boolean focusNow = timer.running() && timer.phase() == TimerPhase.FOCUS;
        if (focusNow != wasFocusRunning) {
            focusRunning.accept(focusNow);
        }
        if (ended) {
            banner.set(timer.phase() == TimerPhase.FOCUS
                    ? "Focus session over — time for a break."
                    : "Break over — back to focus.");
            chime.run();
        }
    }

    public void stop() {
        ticker.stop();
    }

    private void request(TimerAction action, TimerPhase p, Integer seconds) {
        notice.set("");
        sender.send(action, p, seconds).whenComplete((timer, error) -> Platform.runLater(() -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                notice.set("Timer: " + cause.getMessage());
            } else {
                update(timer);
            }
        }));
    }

    private void tick() {
        long left = Math.max(0, localEndMillis - System.currentTimeMillis());
        remaining.set((int) ((left + 999) / 1000));
        render();
    }

    private void render() {
        int s = remaining.get();
        display.set(String.format("%02d:%02d", s / 60, s % 60));
    }
}

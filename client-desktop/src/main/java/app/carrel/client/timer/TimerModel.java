package app.carrel.client.timer;

import app.carrel.client.i18n.Texts;
import app.carrel.client.signaling.SignalingException;
import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TextRules;
import app.carrel.protocol.TimerAction;
import app.carrel.protocol.TimerPhase;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
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

    public static final int MAX_MINUTES = TextRules.MAX_TIMER_SECONDS / 60;

    public interface Sender {
        CompletableFuture<ServerMessage.Timer> send(TimerAction action, TimerPhase phase, Integer seconds);
    }

    /**
     * What the room's timer is doing. The message has no action field: a timer that is stopped
     * with its full length left reads as reset (IDLE), so a pause within a phase's first second
     * (remaining is rounded up) also reads as reset; starting again costs that one second.
     */
    public enum State { IDLE, RUNNING, PAUSED, FINISHED }

    private final Sender sender;
    private final Runnable chime;
    private final Function<String, String> names;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyObjectWrapper<TimerPhase> phase = new ReadOnlyObjectWrapper<>(this, "phase");
    private final ReadOnlyIntegerWrapper remaining = new ReadOnlyIntegerWrapper(this, "remaining");
    private final ReadOnlyStringWrapper display = new ReadOnlyStringWrapper(this, "display", "--:--");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", Texts.get("timer.none"));
    private final ReadOnlyStringWrapper byline = new ReadOnlyStringWrapper(this, "byline", "");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.millis(250), e -> tick()));
    /** The last length the room used for each phase: what "start the next phase" offers. */
    private final Map<TimerPhase, Integer> lastSeconds = new EnumMap<>(Map.of(TimerPhase.FOCUS, 25 * 60, TimerPhase.BREAK, 5 * 60));
    private Consumer<Boolean> focusRunning = on -> { };
    private Consumer<TimerPhase> phaseEnded = p -> { };
    /** The room's long break (docs/protocol.md §13): after every this many focus phases; 0: none. */
    private int longBreakEvery;
    private int longBreakSeconds;
    /** Focus phases run to their end in this session, as the server counts them. */
    private int round;
    private long localEndMillis;
    private int seconds;

    /**
     * @param names a participant id to the name to show ("you" for ourselves), or null for
     *              someone no longer in the room
     */
    public TimerModel(Sender sender, Runnable chime, Function<String, String> names) {
        this.sender = sender;
        this.chime = chime;
        this.names = names;
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TimerPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty remainingProperty() {
        return remaining.getReadOnlyProperty();
    }

    /** mm:ss, or --:-- before anyone started a timer. */
    public ReadOnlyStringProperty displayProperty() {
        return display.getReadOnlyProperty();
    }

    /** "No timer", "Focus", "Break · paused", "Focus done — start a break?" */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "started by Bea", "paused by you", "reset by Bea"; empty when nobody or nobody known. */
    public ReadOnlyStringProperty bylineProperty() {
        return byline.getReadOnlyProperty();
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

    /** Told when a phase runs to its end (not a reset): after focus, the check-in is asked. */
    public void onPhaseEnded(Consumer<TimerPhase> listener) {
        this.phaseEnded = listener;
    }

    /** The room's long break: every {@code every} focus phases (0: none), {@code seconds} long. */
    public void longBreak(int every, int seconds) {
        longBreakEvery = Math.max(0, every);
        longBreakSeconds = seconds > 0 ? seconds : TextRules.DEFAULT_LONG_BREAK_SECONDS;
        lastSeconds.put(TimerPhase.LONG_BREAK, longBreakSeconds);
        if (state.get() == State.FINISHED) {
            render();
        }
    }

    /** True when the room has long breaks at all (the start menu offers one). */
    public boolean hasLongBreak() {
        return longBreakEvery > 0;
    }

    public int longBreakMinutes() {
        return Math.max(1, longBreakSeconds / 60);
    }

    /** True when starting a phase now would end one that is running or paused: ask first. */
    public boolean startReplacesAPhase() {
        return state.get() == State.RUNNING || state.get() == State.PAUSED;
    }

    /** The phase that follows the current one, and its length in minutes, for a quick start. */
    public TimerPhase nextPhase() {
        if (phase.get() != TimerPhase.FOCUS) {
            return TimerPhase.FOCUS;
        }
        // The server counts a focus phase once it ran to its end: after the 4th, round is 4.
        boolean longDue = longBreakEvery > 0 && round > 0 && round % longBreakEvery == 0;
        return longDue ? TimerPhase.LONG_BREAK : TimerPhase.BREAK;
    }

    public int nextMinutes() {
        return Math.max(1, lastSeconds.getOrDefault(nextPhase(), 5 * 60) / 60);
    }

    /** Starts a phase of 1..{@link #MAX_MINUTES} minutes; false (with a notice) otherwise. */
    public boolean start(TimerPhase p, int minutes) {
        if (minutes < 1 || minutes > MAX_MINUTES) {
            notice.set(Texts.get("timer.invalidLength", MAX_MINUTES));
            return false;
        }
        request(TimerAction.START, p, minutes * 60);
        return true;
    }

    public void startNext() {
        start(nextPhase(), nextMinutes());
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
        State before = state.get();
        boolean wasFocusRunning = before == State.RUNNING && phase.get() == TimerPhase.FOCUS;
        State now = timer.running() ? State.RUNNING
                : timer.remaining() == 0 ? State.FINISHED
                : timer.remaining() >= timer.seconds() ? State.IDLE
                : State.PAUSED;
        boolean resumed = now == State.RUNNING && before == State.PAUSED
                && timer.phase() == phase.get() && timer.seconds() == seconds;
        round = timer.round();
        phase.set(timer.phase());
        seconds = timer.seconds();
        lastSeconds.put(timer.phase(), timer.seconds());
        remaining.set(timer.remaining());
        localEndMillis = System.currentTimeMillis() + timer.remaining() * 1000L;
        state.set(now);
        render();
        byline.set(byline(now, resumed, timer.by(), timer.byName()));
        if (now == State.RUNNING) {
            ticker.play();
            banner.set("");
        } else {
            ticker.stop();
        }
        if (now == State.IDLE) {
            // A reset ends the phase for everyone: its "over" banner is old news.
            banner.set("");
        }
        boolean focusNow = now == State.RUNNING && timer.phase() == TimerPhase.FOCUS;
        // A new focus phase started over a running one is a new session too: "mute me during
        // focus" mutes again (the person may have unmuted during the last one).
        boolean freshFocus = focusNow && wasFocusRunning && timer.remaining() >= timer.seconds();
        if (focusNow != wasFocusRunning || freshFocus) {
            focusRunning.accept(focusNow);
        }
        if (before == State.RUNNING && now == State.FINISHED) {
            banner.set(timer.phase() == TimerPhase.FOCUS
                    ? Texts.get("timer.focusOver")
                    : Texts.get("timer.breakOver"));
            chime.run();
            phaseEnded.accept(timer.phase());
        }
    }

    public void stop() {
        ticker.stop();
    }

    /** {@code byName}: the server's name for {@code by}, for someone who has left since. */
    private String byline(State now, boolean resumed, String by, String byName) {
        String name = by == null ? null : names.apply(by);
        if (name == null) {
            name = byName;
        }
        if (name == null || now == State.FINISHED) {
            return "";
        }
        return switch (now) {
            case RUNNING -> Texts.get(resumed ? "timer.resumedBy" : "timer.startedBy", name);
            case PAUSED -> Texts.get("timer.pausedBy", name);
            default -> Texts.get("timer.resetBy", name);
        };
    }

    private void request(TimerAction action, TimerPhase p, Integer secs) {
        notice.set("");
        sender.send(action, p, secs).whenComplete((timer, error) -> Platform.runLater(() -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                notice.set(Texts.get("timer.failed", reason(cause)));
            } else {
                update(timer);
            }
        }));
    }

    private static String reason(Throwable cause) {
        if (cause instanceof SignalingException s && s.code() != null) {
            return Texts.error(s.code()); // the server's English message is in the engine's log
        }
        return cause.getMessage();
    }

    private void tick() {
        long left = Math.max(0, localEndMillis - System.currentTimeMillis());
        remaining.set((int) ((left + 999) / 1000));
        render();
    }

    private void render() {
        int s = remaining.get();
        display.set(String.format("%02d:%02d", s / 60, s % 60));
        String name = Texts.get(phase.get() == TimerPhase.LONG_BREAK ? "timer.longBreak"
                : phase.get() == TimerPhase.BREAK ? "timer.break" : "timer.focus");
        title.set(switch (state.get()) {
            case IDLE -> Texts.get("timer.none");
            case RUNNING -> name;
            case PAUSED -> Texts.get("timer.paused", name);
            case FINISHED -> Texts.get(phase.get() == TimerPhase.FOCUS ? "timer.focusDone" : "timer.breakDone");
        });
    }
}

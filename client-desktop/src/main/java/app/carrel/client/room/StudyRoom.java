package app.carrel.client.room;

import app.carrel.client.call.CallEngine;
import app.carrel.client.i18n.Texts;
import app.carrel.client.signaling.SignalingException;
import app.carrel.protocol.CheckInResult;
import app.carrel.protocol.Presence;
import app.carrel.protocol.Room;
import app.carrel.protocol.TimerPhase;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our side of the study features in a room (docs/protocol.md §13): our goal and presence as we
 * change them, and the check-in asked for when a focus phase ends. A change shows on our own
 * tile at once and is undone, with a notice, if the server refuses it. FX thread only.
 */
public final class StudyRoom {

    /**
     * What outlives the room: the goal offered next time, and whether check-ins are shared by
     * default. The app keeps both in its settings; tests and bots remember nothing.
     */
    public interface Memory {
        Memory NONE = new Memory() { };

        default void rememberGoal(String goal) {
        }

        default boolean shareCheckIns() {
            return true;
        }

        default void rememberShareCheckIns(boolean share) {
        }
    }

    private static final Logger log = LoggerFactory.getLogger(StudyRoom.class);

    private final CallEngine engine;
    private final Participant self;
    private final Consumer<String> notice;
    private final Supplier<Room> room;
    private final ReadOnlyBooleanWrapper checkInDue = new ReadOnlyBooleanWrapper(this, "checkInDue");
    // Listeners are added on the FX thread; a copy-on-write list costs nothing at this size.
    private final List<Consumer<CheckIn>> checkInListeners = new CopyOnWriteArrayList<>();
    private Memory memory = Memory.NONE;

    StudyRoom(CallEngine engine, Participant self, Consumer<String> notice, Supplier<Room> room) {
        this.engine = engine;
        this.self = self;
        this.notice = notice;
        this.room = room;
    }

    public void remember(Memory memory) {
        this.memory = memory;
    }

    public Memory memory() {
        return memory;
    }

    /**
     * Told of every check-in the person answers, shared or not, with its private note: the local
     * focus history stores them. Called on the FX thread.
     */
    public void onCheckIn(Consumer<CheckIn> listener) {
        checkInListeners.add(listener);
    }

    /** True from the end of a focus phase until the person answers or skips (the prompt shows). */
    public ReadOnlyBooleanProperty checkInDueProperty() {
        return checkInDue.getReadOnlyProperty();
    }

    /** Our new goal ("" clears it); kept for the next time once the server took it. */
    public void setGoal(String text) {
        String goal = Goals.clean(text);
        String before = self.goalProperty().get();
        if (goal.equals(before)) {
            return;
        }
        self.setGoal(goal);
        command(engine.setGoal(goal), "goal", () -> self.setGoal(before), () -> memory.rememberGoal(goal));
    }

    public void setPresence(Presence presence) {
        Presence before = self.presenceProperty().get();
        if (presence == before) {
            return;
        }
        self.setPresence(presence);
        command(engine.setPresence(presence), "presence", () -> self.setPresence(before), () -> { });
    }

    /**
     * The person's answer: the listeners hear it with the note; the result alone goes to the room
     * when {@code share}, and the choice to share is remembered.
     */
    public void checkIn(CheckInResult result, String note, boolean share) {
        checkInDue.set(false);
        memory.rememberShareCheckIns(share);
        Room r = room.get();
        CheckIn answer = new CheckIn(result, note == null ? "" : note.strip(), share,
                r == null ? "" : r.id(), r == null ? "" : r.name(), self.goalProperty().get(), Instant.now());
        for (Consumer<CheckIn> listener : checkInListeners) {
            try {
                listener.accept(answer);
            } catch (RuntimeException e) { // one listener's fault must not cost the others theirs
                log.warn("A check-in listener failed", e);
            }
        }
        if (share) {
            CheckInResult before = self.checkInProperty().get();
            self.setCheckIn(result);
            command(engine.checkIn(result), "checkIn", () -> self.setCheckIn(before), () -> { });
        }
    }

    /** The prompt closed without an answer. */
    public void skipCheckIn() {
        checkInDue.set(false);
    }

    /** The timer ran a phase to its end: after focus, the check-in is due. */
    void phaseEnded(TimerPhase phase) {
        if (phase == TimerPhase.FOCUS) {
            checkInDue.set(true);
        }
    }

    /**
     * A focus phase started: an unanswered prompt is old news. Our mark goes when the server
     * says so ({@code checked-in} with no result), as everyone else's does.
     */
    void focusStarted() {
        checkInDue.set(false);
    }

    private <T> void command(CompletableFuture<T> result, String what, Runnable undo, Runnable done) {
        result.whenComplete((v, error) -> Platform.runLater(() -> {
            if (error == null) {
                done.run();
                return;
            }
            Throwable cause = SignalingException.unwrap(error);
            log.warn("{} failed: {}", what, cause.toString());
            undo.run();
            String reason = cause instanceof SignalingException s && s.code() != null
                    ? Texts.error(s.code()) : cause.getMessage();
            notice.accept(Texts.get("study.failed." + what, reason));
        }));
    }
}

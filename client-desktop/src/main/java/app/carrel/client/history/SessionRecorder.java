package app.carrel.client.history;

import app.carrel.client.timer.TimerModel;
import app.carrel.protocol.TimerPhase;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Executor;
import javafx.beans.InvalidationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one time in a room into the focus history: started as we enter, the focus stretches as
 * the room's timer runs them, ended as we leave.
 *
 * <p><b>Goal and check-in:</b> {@link #recordGoal} and {@link #recordCheckIn} are the wiring
 * points for the goal asked before joining (and changed in the room) and the check-in at the end
 * of a focus phase; Shell holds the recorder of the room it is in ({@code Shell.recorder()}).
 *
 * <p>Threads: the recorder's methods run on the FX thread (they read the timer's properties);
 * every write runs on {@code writer}, which must run them one at a time in order (a single
 * thread; tests pass {@code Runnable::run}). {@link #sessionId} belongs to that writer.
 */
public final class SessionRecorder {

    private static final Logger log = LoggerFactory.getLogger(SessionRecorder.class);
    /**
     * A running stretch is stored in pieces this long: the app killed mid-phase (SIGTERM runs no
     * FX code, a crash none at all) loses at most the last piece, and the session has no end.
     */
    static final java.time.Duration CHECKPOINT = java.time.Duration.ofMinutes(1);

    private final FocusHistory history;
    private final Executor writer;
    private final Clock clock;
    private final FocusMeter meter = new FocusMeter();
    private TimerModel timer;
    private InvalidationListener onTimer;
    private boolean finished;
    /** Written and read on the writer only; -1 when the session could not be stored. */
    private long sessionId = -1;

    private SessionRecorder(FocusHistory history, Executor writer, Clock clock) {
        this.history = history;
        this.writer = writer;
        this.clock = clock;
    }

    /** A session in {@code roomId} begins now. */
    public static SessionRecorder start(FocusHistory history, Executor writer, Clock clock,
                                        String roomId, String roomName, String server) {
        SessionRecorder recorder = new SessionRecorder(history, writer, clock);
        var start = clock.instant();
        writer.execute(() -> {
            try {
                recorder.sessionId = history.startSession(roomId, roomName, server, start);
            } catch (SQLException e) {
                log.warn("The focus history cannot record this session: {}", e.toString());
            }
        });
        return recorder;
    }

    /** Counts focus time from {@code roomTimer} from now on (the join snapshot is already in it). */
    public void follow(TimerModel roomTimer) {
        this.timer = roomTimer;
        onTimer = obs -> sync();
        roomTimer.stateProperty().addListener(onTimer);
        roomTimer.phaseProperty().addListener(onTimer);
        roomTimer.remainingProperty().addListener(onTimer);
        sync();
    }

    /** The person's goal for this session (asked before joining, changed in the room). */
    public void recordGoal(String goal) {
        write(id -> history.recordGoal(id, goal));
    }

    /** The person's check-in at the end of a focus phase; the latest one is kept. */
    public void recordCheckIn(CheckIn checkIn) {
        write(id -> history.recordCheckIn(id, checkIn));
    }

    /** We left the room (or the app closes): the running stretch ends here, and the session. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (timer != null) {
            timer.stateProperty().removeListener(onTimer);
            timer.phaseProperty().removeListener(onTimer);
            timer.remainingProperty().removeListener(onTimer);
        }
        var now = clock.instant();
        meter.stop(now).ifPresent(this::store);
        write(id -> history.endSession(id, now));
    }

    private void sync() {
        boolean focusRunning = timer.stateProperty().get() == TimerModel.State.RUNNING
                && timer.phaseProperty().get() == TimerPhase.FOCUS;
        var now = clock.instant();
        meter.update(focusRunning, timer.remainingProperty().get(), now).ifPresent(this::store);
        meter.checkpoint(now, CHECKPOINT).ifPresent(this::store); // the ticker calls this 4 times a second
    }

    private void store(FocusStretch stretch) {
        write(id -> history.addFocus(id, stretch));
    }

    private interface Write {
        void run(long id) throws SQLException;
    }

    private void write(Write write) {
        writer.execute(() -> {
            if (sessionId < 0) {
                return; // the start was not stored; logged then
            }
            try {
                write.run(sessionId);
            } catch (SQLException e) {
                log.warn("The focus history could not be written: {}", e.toString());
            }
        });
    }
}

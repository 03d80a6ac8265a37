package app.carrel.client.history;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.carrel.client.timer.TimerModel;
import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TimerPhase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One seat's time in a room, recorded from the room's real timer model (fed the server's
 * messages) into a real history file, on a clock the test moves.
 */
class SessionRecorderTest {

    private static final Instant T0 = Instant.parse("2026-12-04T01:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0, ZoneOffset.UTC);

    @BeforeAll
    static void toolkit() throws Exception {
        // Surefire's java.io.tmpdir (under target/) exists only once something made it.
        java.nio.file.Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        FxToolkit.registerPrimaryStage(); // the timer's ticker is a Timeline
    }

    private static ServerMessage.Timer timer(TimerPhase phase, boolean running, int seconds, int remaining) {
        return new ServerMessage.Timer(null, phase, running, seconds, null, remaining, "bea");
    }

    @Test
    void focusRunningWhileSeatedCountsPausesAndBreaksDoNotAndLeavingEndsIt() throws Exception {
        try (FocusHistory history = FocusHistory.open(dir.resolve("h.sqlite"))) {
            TimerModel room = fx(() -> new TimerModel((a, p, s) -> new CompletableFuture<>(), () -> { }, Map.of("bea", "Bea")::get));
            // We join 5 minutes into the room's 25-minute focus phase.
            fx(() -> {
                room.update(timer(TimerPhase.FOCUS, true, 1500, 1200));
                room.stop();
                return null;
            });
            SessionRecorder recorder = fx(() -> SessionRecorder.start(history, Runnable::run, clock, "r-1", "Algorithms",
                    "ws://127.0.0.1:7000/signal"));
            fx(() -> {
                recorder.follow(room);
                return null;
            });
            step(room, Duration.ofMinutes(10), timer(TimerPhase.FOCUS, false, 1500, 600)); // paused by Bea
            step(room, Duration.ofMinutes(3), timer(TimerPhase.FOCUS, true, 1500, 600)); // resumed
            step(room, Duration.ofMinutes(10), timer(TimerPhase.FOCUS, false, 1500, 0)); // phase over
            step(room, Duration.ofMinutes(1), timer(TimerPhase.BREAK, true, 300, 300)); // a break
            step(room, Duration.ofMinutes(5), timer(TimerPhase.FOCUS, true, 1500, 1500)); // focus again
            clock.advance(Duration.ofMinutes(7));
            fx(() -> {
                recorder.recordGoal("Graphs");
                recorder.recordCheckIn(new CheckIn(CheckIn.Result.DONE, "BFS"));
                recorder.finish(); // we leave 7 minutes in
                recorder.finish(); // and the window closing after does nothing more
                room.stop();
                return null;
            });

            List<FocusSession> sessions = history.sessions();
            assertEquals(1, sessions.size());
            FocusSession s = sessions.get(0);
            assertEquals(10 + 10 + 7, s.focusMinutes(), "10 before the pause, 10 after it, 7 before leaving");
            assertEquals(T0, s.start());
            assertEquals(T0.plus(Duration.ofMinutes(36)), s.end());
            assertEquals("Graphs", s.goal());
            assertEquals(new CheckIn(CheckIn.Result.DONE, "BFS"), s.checkIn());
            assertEquals(27 * 60, history.stretchesSince(Instant.EPOCH).stream().mapToLong(FocusStretch::seconds).sum());
        }
    }

    @Test
    void aSessionWhoseStartCouldNotBeStoredRecordsNothingAndDoesNotThrow() throws Exception {
        FocusHistory history = FocusHistory.open(dir.resolve("h.sqlite"));
        history.close(); // the file went away under us
        TimerModel room = fx(() -> new TimerModel((a, p, s) -> new CompletableFuture<>(), () -> { }, id -> null));
        fx(() -> {
            SessionRecorder recorder = SessionRecorder.start(history, Runnable::run, clock, "r", "Room", "ws://x/signal");
            recorder.follow(room);
            recorder.recordGoal("x");
            recorder.finish();
            return null;
        });
    }

    @Test
    void aRunningFocusIsStoredEveryMinuteSoAKilledAppKeepsAllButTheLastPiece() throws Exception {
        try (FocusHistory history = FocusHistory.open(dir.resolve("h.sqlite"))) {
            TimerModel room = fx(() -> new TimerModel((a, p, s) -> new CompletableFuture<>(), () -> { }, id -> null));
            SessionRecorder recorder = fx(() -> SessionRecorder.start(history, Runnable::run, clock, "r", "Room", "ws://x/signal"));
            fx(() -> {
                recorder.follow(room);
                room.update(timer(TimerPhase.FOCUS, true, 1500, 1500));
                room.stop();
                return null;
            });
            for (int second = 1; second <= 150; second++) {
                clock.advance(Duration.ofSeconds(1));
                int left = 1500 - second;
                fx(() -> {
                    // What the ticker does: remaining counts down (the recorder listens to it).
                    room.update(timer(TimerPhase.FOCUS, true, 1500, left));
                    room.stop();
                    return null;
                });
            }
            // The app is killed here: no finish(). Two whole minutes are stored.
            assertEquals(120, history.sessions().get(0).focusSeconds());
            assertNull(history.sessions().get(0).end());
        }
    }

    private void step(TimerModel room, Duration after, ServerMessage.Timer message) throws Exception {
        clock.advance(after);
        fx(() -> {
            room.update(message);
            room.stop(); // the test's clock moves, not the ticker's
            return null;
        });
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }
}

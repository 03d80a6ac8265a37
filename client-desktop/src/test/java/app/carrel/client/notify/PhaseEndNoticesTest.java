package app.carrel.client.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.carrel.client.timer.TimerModel;
import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TimerPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A notification, and the chime, at each phase end of the room's timer; none when turned off. */
class PhaseEndNoticesTest {

    private final List<String> shown = new ArrayList<>();
    private final AtomicInteger connects = new AtomicInteger();
    private final AtomicInteger chimes = new AtomicInteger();
    private final AtomicBoolean enabled = new AtomicBoolean(true);
    private final DesktopNotifier recording = new DesktopNotifier() {
        @Override
        public void show(String title, String body) {
            shown.add(title + " / " + body);
        }

        @Override
        public String kind() {
            return "recording";
        }
    };

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static ServerMessage.Timer timer(TimerPhase phase, boolean running, int remaining) {
        return new ServerMessage.Timer(null, phase, running, 1500, null, remaining, "bea");
    }

    @Test
    void eachPhaseEndNotifiesAndChimesAPauseOrResetDoesNot() throws Exception {
        PhaseEndNotices notices = new PhaseEndNotices(() -> {
            connects.incrementAndGet();
            return recording;
        }, Runnable::run, enabled::get);
        TimerModel room = fx(() -> new TimerModel((a, p, s) -> new CompletableFuture<>(), chimes::incrementAndGet, id -> null));
        Runnable stop = fx(() -> notices.follow(room, "Algorithms"));
        feed(room, timer(TimerPhase.FOCUS, true, 1500));
        feed(room, timer(TimerPhase.FOCUS, false, 600)); // paused
        feed(room, timer(TimerPhase.FOCUS, true, 600));
        feed(room, timer(TimerPhase.FOCUS, false, 0)); // over
        feed(room, timer(TimerPhase.BREAK, true, 300));
        feed(room, timer(TimerPhase.BREAK, false, 0)); // over
        assertEquals(List.of("Focus done — time for a break / The focus session in Algorithms is over.",
                "Break over — back to focus / The break in Algorithms is over."), shown);
        assertEquals(2, chimes.get(), "the chime at each phase end, as before");
        assertEquals(1, connects.get(), "the notifier is found once and kept");

        enabled.set(false);
        feed(room, timer(TimerPhase.FOCUS, true, 1500));
        feed(room, timer(TimerPhase.FOCUS, false, 0));
        assertEquals(2, shown.size(), "turned off in the settings: no notification");
        assertEquals(3, chimes.get(), "and the chime still plays");

        enabled.set(true);
        fx(() -> {
            stop.run();
            return null;
        });
        feed(room, timer(TimerPhase.FOCUS, true, 1500));
        feed(room, timer(TimerPhase.FOCUS, false, 0));
        assertEquals(2, shown.size(), "a room we left notifies no more");
        notices.close();
    }

    @Test
    void aDesktopWithoutNotificationsStillChimesAndNothingThrows() throws Exception {
        PhaseEndNotices notices = new PhaseEndNotices(() -> Notifiers.pick(null), Runnable::run, () -> true);
        TimerModel room = fx(() -> new TimerModel((a, p, s) -> new CompletableFuture<>(), chimes::incrementAndGet, id -> null));
        fx(() -> notices.follow(room, "Algorithms"));
        feed(room, timer(TimerPhase.FOCUS, true, 1500));
        feed(room, timer(TimerPhase.FOCUS, false, 0));
        assertEquals(1, chimes.get());
        assertEquals("none", notices.kind());
        notices.close();
    }

    private static void feed(TimerModel room, ServerMessage.Timer message) throws Exception {
        fx(() -> {
            room.update(message);
            room.stop();
            return null;
        });
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }
}

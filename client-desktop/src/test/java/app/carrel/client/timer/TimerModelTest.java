package app.carrel.client.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.timer.TimerModel.State;
import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TimerAction;
import app.carrel.protocol.TimerPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The timer as the room header reads it, fed server messages by hand; FX thread for its ticker. */
class TimerModelTest {

    record Sent(TimerAction action, TimerPhase phase, Integer seconds) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final List<Boolean> focusRunning = new ArrayList<>();
    private int chimes;
    private CompletableFuture<ServerMessage.Timer> answer = new CompletableFuture<>();
    private final TimerModel timer = new TimerModel((action, phase, seconds) -> {
        sent.add(new Sent(action, phase, seconds));
        return answer;
    }, () -> chimes++, Map.of("me", "you", "bea", "Bea")::get);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stopTicker() throws Exception {
        fx(() -> {
            timer.stop();
            return null;
        });
    }

    @Test
    void beforeAnyoneStartsThereIsNoTimerAndNothingToReplace() throws Exception {
        assertEquals(State.IDLE, fx(() -> timer.stateProperty().get()));
        assertEquals("No timer", fx(() -> timer.titleProperty().get()));
        assertFalse(fx(timer::startReplacesAPhase));
        fx(() -> update(null));
        assertEquals(State.IDLE, fx(() -> timer.stateProperty().get()));
    }

    @Test
    void aRunningPhaseSaysWhoStartedItAndPausingSaysWhoPaused() throws Exception {
        fx(() -> update(focus(true, 1500, 1500, "bea")));
        assertEquals(State.RUNNING, fx(() -> timer.stateProperty().get()));
        assertEquals("Focus", fx(() -> timer.titleProperty().get()));
        assertEquals("started by Bea", fx(() -> timer.bylineProperty().get()));
        assertEquals("25:00", fx(() -> timer.displayProperty().get()));

        fx(() -> update(focus(false, 1500, 1200, "me")));
        assertEquals(State.PAUSED, fx(() -> timer.stateProperty().get()));
        assertEquals("Focus · paused", fx(() -> timer.titleProperty().get()));
        assertEquals("paused by you", fx(() -> timer.bylineProperty().get()));
        assertEquals("20:00", fx(() -> timer.displayProperty().get()));

        fx(() -> update(focus(true, 1500, 1200, "bea")));
        assertEquals("resumed by Bea", fx(() -> timer.bylineProperty().get()));
    }

    @Test
    void someoneWhoLeftIsNotNamedAndNotGuessed() throws Exception {
        fx(() -> update(focus(true, 1500, 1500, "gone")));
        assertEquals("", fx(() -> timer.bylineProperty().get()));
        fx(() -> update(focus(true, 1500, 1500, null)));
        assertEquals("", fx(() -> timer.bylineProperty().get()));
    }

    @Test
    void resetReadsAsNoTimerAndEndsTheBannerAndTheFocusMute() throws Exception {
        timer.onFocusRunning(focusRunning::add);
        fx(() -> update(focus(true, 1500, 1, "bea")));
        fx(() -> update(focus(false, 1500, 0, "bea")));
        assertEquals("Focus session over — time for a break.", fx(() -> timer.bannerProperty().get()));
        fx(() -> update(focus(false, 1500, 1500, "me")));
        assertEquals(State.IDLE, fx(() -> timer.stateProperty().get()));
        assertEquals("No timer", fx(() -> timer.titleProperty().get()));
        assertEquals("reset by you", fx(() -> timer.bylineProperty().get()));
        assertEquals("", fx(() -> timer.bannerProperty().get()));
        assertFalse(fx(timer::startReplacesAPhase));
        assertEquals(List.of(true, false), focusRunning);
    }

    @Test
    void aFinishedPhaseSaysSoChimesOnceAndOffersTheNextPhase() throws Exception {
        fx(() -> update(focus(true, 3000, 2, "bea")));
        fx(() -> update(focus(false, 3000, 0, "bea")));
        assertEquals(State.FINISHED, fx(() -> timer.stateProperty().get()));
        assertEquals("Focus done — start a break?", fx(() -> timer.titleProperty().get()));
        assertEquals("", fx(() -> timer.bylineProperty().get()));
        assertEquals(1, chimes);
        assertFalse(fx(timer::startReplacesAPhase));
        assertEquals(TimerPhase.BREAK, fx(timer::nextPhase));
        assertEquals(5, fx(timer::nextMinutes));
        fx(() -> {
            timer.startNext();
            return null;
        });
        assertEquals(List.of(new Sent(TimerAction.START, TimerPhase.BREAK, 300)), sent);

        // The join snapshot of a finished phase is not a new ending: no second chime.
        fx(() -> update(focus(false, 3000, 0, "bea")));
        assertEquals(1, chimes);
    }

    @Test
    void theNextPhaseKeepsTheLengthTheRoomLastUsed() throws Exception {
        fx(() -> update(new ServerMessage.Timer(null, TimerPhase.BREAK, true, 600, 1L, 600, "bea")));
        fx(() -> update(new ServerMessage.Timer(null, TimerPhase.FOCUS, true, 3000, 1L, 1, "bea")));
        fx(() -> update(focus(false, 3000, 0, "bea")));
        assertEquals(10, fx(timer::nextMinutes));
    }

    @Test
    void startingAskedFirstWhileAPhaseRunsOrIsPaused() throws Exception {
        fx(() -> update(focus(true, 1500, 1500, "bea")));
        assertTrue(fx(timer::startReplacesAPhase));
        fx(() -> update(focus(false, 1500, 900, "bea")));
        assertTrue(fx(timer::startReplacesAPhase));
    }

    @Test
    void aCustomLengthIsSentInSecondsWithinTheContractsLimit() throws Exception {
        assertTrue(fx(() -> timer.start(TimerPhase.FOCUS, 37)));
        assertTrue(fx(() -> timer.start(TimerPhase.BREAK, 120)));
        assertFalse(fx(() -> timer.start(TimerPhase.FOCUS, 121)));
        assertFalse(fx(() -> timer.start(TimerPhase.FOCUS, 0)));
        assertEquals(List.of(new Sent(TimerAction.START, TimerPhase.FOCUS, 2220),
                new Sent(TimerAction.START, TimerPhase.BREAK, 7200)), sent);
        assertEquals("A timer runs 1–120 minutes.", fx(() -> timer.noticeProperty().get()));
    }

    @Test
    void theAnswerToOurRequestIsShownAndARefusalIsSaid() throws Exception {
        fx(() -> timer.start(TimerPhase.FOCUS, 25));
        answer.complete(focus(true, 1500, 1500, "me"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("started by you", fx(() -> timer.bylineProperty().get()));

        answer = CompletableFuture.failedFuture(new IllegalStateException("Not in a room"));
        fx(() -> {
            timer.pause();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Timer: Not in a room", fx(() -> timer.noticeProperty().get()));
    }

    @Test
    void aFocusStartedOverARunningFocusIsANewSessionButItsTicksAreNot() throws Exception {
        timer.onFocusRunning(focusRunning::add);
        fx(() -> update(focus(true, 1500, 1500, "bea")));
        fx(() -> update(focus(true, 1500, 1200, "bea"))); // the same phase, later (a rejoin's snapshot)
        fx(() -> update(focus(true, 600, 600, "cy")));    // Cy starts a new 10-minute focus over it
        assertEquals(List.of(true, true), focusRunning);
    }

    @Test
    void aRoomWithLongBreaksOffersOneAfterEveryFourthFocusAndTheCheckInHookHearsEachFocusEnd() throws Exception {
        List<TimerPhase> ended = new ArrayList<>();
        timer.onPhaseEnded(ended::add);
        fx(() -> {
            timer.longBreak(4, 900);
            return null;
        });
        for (int round = 1; round <= 4; round++) {
            int r = round;
            fx(() -> update(studyFocus(true, 1500, 30, r - 1)));
            fx(() -> update(studyFocus(false, 1500, 0, r))); // ran out: the server counts it
            TimerPhase expected = round == 4 ? TimerPhase.LONG_BREAK : TimerPhase.BREAK;
            assertEquals(expected, fx(timer::nextPhase), "after focus " + round);
        }
        assertEquals(15, fx(timer::nextMinutes));
        assertEquals("Long break 15 min", fx(() -> ((javafx.scene.control.Labeled) new TimerView(timer,
                new javafx.scene.control.CheckBox()).lookup("#timer-next")).getText()));
        assertEquals(List.of(TimerPhase.FOCUS, TimerPhase.FOCUS, TimerPhase.FOCUS, TimerPhase.FOCUS), ended);
        fx(() -> update(new ServerMessage.Timer(null, TimerPhase.LONG_BREAK, true, 900,
                System.currentTimeMillis() + 900_000L, 900, "me", "Ada", 4)));
        assertEquals("Long break", fx(() -> timer.titleProperty().get()));
        assertEquals(TimerPhase.FOCUS, fx(timer::nextPhase));
    }

    @Test
    void aRoomWithoutLongBreaksAlwaysOffersTheShortOne() throws Exception {
        fx(() -> update(studyFocus(false, 1500, 0, 4)));
        assertEquals(TimerPhase.BREAK, fx(timer::nextPhase));
    }

    @Test
    void whoActedIsNamedByTheServerWhenTheyAreNoLongerInTheRoom() throws Exception {
        fx(() -> update(new ServerMessage.Timer(null, TimerPhase.FOCUS, true, 1500,
                System.currentTimeMillis() + 1_500_000L, 1500, "gone", "Mina", 0)));
        assertEquals("started by Mina", fx(() -> timer.bylineProperty().get()));
        fx(() -> update(new ServerMessage.Timer(null, TimerPhase.FOCUS, false, 1500, null, 1200, "bea", "Old name", 0)));
        assertEquals("paused by Bea", fx(() -> timer.bylineProperty().get()), "the room's own name comes first");
    }

    private static ServerMessage.Timer studyFocus(boolean running, int seconds, int remaining, int round) {
        return new ServerMessage.Timer(null, TimerPhase.FOCUS, running, seconds,
                running ? System.currentTimeMillis() + remaining * 1000L : null, remaining, "bea", "Bea", round);
    }

    private Void update(ServerMessage.Timer message) {
        timer.update(message);
        return null;
    }

    private static ServerMessage.Timer focus(boolean running, int seconds, int remaining, String by) {
        return new ServerMessage.Timer(null, TimerPhase.FOCUS, running, seconds,
                running ? System.currentTimeMillis() + remaining * 1000L : null, remaining, by);
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(5, TimeUnit.SECONDS);
    }
}

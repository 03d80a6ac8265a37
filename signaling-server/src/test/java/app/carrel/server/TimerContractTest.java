package app.carrel.server;

import static app.carrel.server.testing.Json.assertError;
import static app.carrel.server.testing.Json.assertId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@ContractTest
class TimerContractTest extends PairContract {

    /** Sends a timer action from Bob; returns Bob's own copy after checking Alice's matches it without id. */
    JsonNode timer(String id, Object... fields) {
        Object[] all = new Object[fields.length + 4];
        all[0] = "type";
        all[1] = "timer";
        all[2] = "id";
        all[3] = id;
        System.arraycopy(fields, 0, all, 4, fields.length);
        bob.send(all);
        JsonNode own = bob.expect("timer");
        JsonNode other = alice.expect("timer");
        assertId(own, id);
        assertId(other, null);
        for (String field : new String[] {"phase", "running", "seconds", "endsAt", "remaining", "by"}) {
            assertTrue(own.has(field), () -> "timer field '" + field + "' always present: " + own);
            assertEquals(own.path(field), other.path(field), () -> "everyone sees the same " + field);
        }
        return own;
    }

    static void assertTimer(JsonNode timer, String phase, boolean running, int seconds, int remaining) {
        assertEquals(phase, timer.path("phase").asText(), timer::toString);
        assertEquals(running, timer.path("running").asBoolean(!running), timer::toString);
        assertEquals(seconds, timer.path("seconds").asInt(), timer::toString);
        assertEquals(remaining, timer.path("remaining").asInt(), timer::toString);
        assertTrue(timer.path("remaining").isInt() && timer.path("seconds").isInt(), timer::toString);
        if (running) {
            assertTrue(timer.path("endsAt").isIntegralNumber(), () -> "endsAt is epoch ms while running: " + timer);
        } else {
            assertTrue(timer.path("endsAt").isNull(), () -> "endsAt is null while not running: " + timer);
        }
    }

    @Test
    void startRunsTheTimerForEveryoneWithEndsAtAndBy() {
        long before = System.currentTimeMillis();
        JsonNode started = timer("6", "action", "start", "phase", "focus", "seconds", 1500);
        long after = System.currentTimeMillis();
        assertTimer(started, "focus", true, 1500, 1500);
        long endsAt = started.path("endsAt").asLong();
        assertTrue(endsAt >= before + 1_500_000 - 1000 && endsAt <= after + 1_500_000 + 1000, started::toString);
        assertEquals(bob.id(), started.path("by").asText());
    }

    @Test
    void pauseKeepsRemainingResumeSetsEndsAtAndResetRestoresSeconds() {
        timer("s", "action", "start", "phase", "break", "seconds", 300);
        JsonNode paused = timer("p", "action", "pause");
        assertTimer(paused, "break", false, 300, 300); // rounded up: less than a second has passed

        long before = System.currentTimeMillis();
        JsonNode resumed = timer("r", "action", "resume");
        long after = System.currentTimeMillis();
        assertTimer(resumed, "break", true, 300, 300);
        long endsAt = resumed.path("endsAt").asLong();
        assertTrue(endsAt >= before + 299_000 && endsAt <= after + 300_000 + 1000, resumed::toString);

        JsonNode reset = timer("x", "action", "reset");
        assertTimer(reset, "break", false, 300, 300);
        assertEquals(bob.id(), reset.path("by").asText());
    }

    @Test
    void joinedTimerIsNullUntilStartedThenShowsTheRunningTimer() {
        assertTrue(alice.joined().path("timer").isNull(), alice.joined()::toString);
        JsonNode started = timer("s", "action", "start", "phase", "focus", "seconds", 1200);
        JsonNode seen = server.join(alice.room(), "Carol").joined().path("timer");
        assertTimer(seen, "focus", true, 1200, 1200);
        assertEquals(started.path("endsAt"), seen.path("endsAt"), "the timer is server-authoritative");
        assertTrue(!seen.has("id"), seen::toString);
    }

    @Test
    void aRunningTimerReachingZeroIsBroadcastStoppedWithNothingRemaining() {
        JsonNode started = timer("s", "action", "start", "phase", "focus", "seconds", 1);
        assertTimer(started, "focus", true, 1, 1);
        for (Member member : new Member[] {alice, bob}) {
            JsonNode done = member.client().expect("timer", Duration.ofSeconds(4));
            assertTimer(done, "focus", false, 1, 0);
            assertId(done, null);
        }
        JsonNode seen = server.join(alice.room(), "Carol").joined().path("timer");
        assertTimer(seen, "focus", false, 1, 0);
    }

    @Test
    void aPausedTimerDoesNotRunDown() {
        timer("s", "action", "start", "phase", "focus", "seconds", 1);
        assertTimer(timer("p", "action", "pause"), "focus", false, 1, 1);
        // The one rule only time can prove: a paused one-second timer must not fire.
        alice.client().expectNothingFor(Duration.ofMillis(1500));
        assertTimer(timer("r", "action", "resume"), "focus", true, 1, 1);
        assertTimer(alice.client().expect("timer", Duration.ofSeconds(4)), "focus", false, 1, 0);
    }

    @Test
    void secondsRunFromOneToTwoHours() {
        assertTimer(timer("a", "action", "start", "phase", "focus", "seconds", 7200), "focus", true, 7200, 7200);
        assertTimer(timer("b", "action", "start", "phase", "break", "seconds", 60), "break", true, 60, 60);
        for (Object bad : new Object[] {0, -5, 7201, 100000, 60.0, 2.5, "60", true}) {
            bob.send("type", "timer", "id", "bad", "action", "start", "phase", "focus", "seconds", bad);
            assertError(bob.next(), "bad-request", "bad");
        }
    }

    @Test
    void unknownOrMissingActionPhaseOrSecondsIsBadRequest() {
        Object[][] requests = {
                {"type", "timer", "id", "1", "action", "stop"},
                {"type", "timer", "id", "2"},
                {"type", "timer", "id", "3", "action", "start", "phase", "lunch", "seconds", 60},
                {"type", "timer", "id", "4", "action", "start", "seconds", 60},
                {"type", "timer", "id", "5", "action", "start", "phase", "focus"},
                {"type", "timer", "id", "6", "action", "START", "phase", "focus", "seconds", 60},
                {"type", "timer", "id", "7", "action", 1, "phase", "focus", "seconds", 60},
        };
        for (Object[] request : requests) {
            bob.send(request);
            assertError(bob.next(), "bad-request", (String) request[3]);
        }
        bob.chatAndAwaitEcho("marker");
        assertEquals("chat", alice.next().path("type").asText(), "no timer was broadcast");
    }

    @Test
    void pauseResumeOrResetWithoutATimerIsBadRequest() {
        for (String action : new String[] {"pause", "resume", "reset"}) {
            bob.send("type", "timer", "id", action, "action", action);
            assertError(bob.next(), "bad-request", action);
        }
    }

    @Test
    void timerOutsideARoomIsNotInRoom() {
        RecordingClient stranger = server.connect();
        stranger.sendJson("type", "timer", "id", "t", "action", "start", "phase", "focus", "seconds", 60);
        assertError(stranger.next(), "not-in-room", "t");
    }
}

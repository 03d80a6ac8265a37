package app.carrel.client.call;

import static app.carrel.client.call.CallFixture.BLUE;
import static app.carrel.client.call.CallFixture.GREEN;
import static app.carrel.client.call.CallFixture.RED;
import static app.carrel.client.call.CallFixture.awaitFrames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.Await;
import app.carrel.client.NoLeaksExtension;
import app.carrel.client.media.AudioBackend;
import app.carrel.protocol.MediaFlags;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** How a call recovers: ICE restarts, and what a signaling outage must not change. */
@ExtendWith(NoLeaksExtension.class)
class CallRecoveryTest {

    private static final Duration LIMIT = CallFixture.LIMIT;

    @TempDir
    Path dir;

    @Test
    void anIceRestartRenegotiatesWithNewCredentialsAndVideoKeepsFlowing() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            EventRecorder atA = new EventRecorder();
            CallEngine a = call.engine("a", RED, atA);
            CallEngine b = call.engine("b", BLUE, new EventRecorder());
            call.joinedTogether("Restart", 2, a, b);
            String aId = a.selfId();
            String bId = b.selfId();
            awaitFrames(b, aId, 10);
            awaitFrames(a, bId, 10);
            String aUfrag = MeshProbe.localIceUfrag(a, bId);
            String bUfrag = MeshProbe.localIceUfrag(b, aId);
            assertEquals(aUfrag, MeshProbe.remoteIceUfrag(b, aId));
            atA.drain();

            // a was offered to (b joined last), so this is also the restart of the side that answered first.
            long start = System.nanoTime();
            assertTrue(MeshProbe.restartIce(a, bId), "a should be allowed to restart ICE");
            Await.until("b to receive a's new ICE credentials", LIMIT,
                    () -> !aUfrag.equals(MeshProbe.remoteIceUfrag(b, aId)));
            Await.until("a to receive b's new ICE credentials in the answer", LIMIT,
                    () -> !bUfrag.equals(MeshProbe.remoteIceUfrag(a, bId)));
            String aUfragNow = MeshProbe.localIceUfrag(a, bId);
            assertNotEquals(aUfrag, aUfragNow);
            assertEquals(aUfragNow, MeshProbe.remoteIceUfrag(b, aId));
            // Polled, not recorded: a restart of a working connection may never leave "connected".
            Await.until("both connected after the restart", LIMIT,
                    () -> a.connectionState(bId) == ConnectionState.CONNECTED
                            && b.connectionState(aId) == ConnectionState.CONNECTED);
            long renegotiated = System.nanoTime();
            awaitFrames(b, aId, b.videoReception(aId, VideoKind.CAMERA).frames() + 20);
            awaitFrames(a, bId, a.videoReception(bId, VideoKind.CAMERA).frames() + 20);
            List<Object> states = atA.drain().stream().filter(e -> e.kind().equals("connection"))
                    .map(EventRecorder.Event::value).toList();
            System.out.printf("CallRecoveryTest: ICE restart %s -> %s renegotiated and connected in %d ms, "
                            + "20 more frames both ways after %d ms; a's connection states meanwhile: %s%n",
                    aUfrag, aUfragNow, (renegotiated - start) / 1_000_000, (System.nanoTime() - start) / 1_000_000,
                    states);
        }
    }

    @Test
    void aMicrophoneMutedBeforeAnOutageIsStillMutedAfterResuming() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            EventRecorder atB = new EventRecorder();
            CallEngine a = call.engine("a", RED, new EventRecorder());
            CallEngine b = call.engine("b", BLUE, atB);
            call.joinedTogether("Muted", 2, a, b);
            String aId = a.selfId();
            awaitFrames(b, aId, 5);
            a.setMicrophone(false).get(5, TimeUnit.SECONDS);
            EventRecorder.Event muted = atB.next("a's mute at b", LIMIT,
                    e -> e.kind().equals("media-state") && e.peerId().equals(aId));
            assertFalse(((MediaFlags) muted.value()).audio());

            call.stopServer();
            assertTrue(a.awaitState(CallState.RECONNECTING, LIMIT), "a should notice the outage");
            assertTrue(b.awaitState(CallState.RECONNECTING, LIMIT), "b should notice the outage");
            call.startServer();
            assertTrue(a.awaitState(CallState.IN_CALL, LIMIT), "a should resume");
            assertTrue(b.awaitState(CallState.IN_CALL, LIMIT), "b should resume");
            assertEquals(aId, a.selfId(), "a should have resumed its seat");

            assertFalse(a.localMedia().audio(), "a's own flags reopened the microphone");
            Boolean trackEnabled = a.inspect(r -> r.local().tracks().audio.isEnabled());
            assertEquals(Boolean.FALSE, trackEnabled, "a's audio track was re-enabled");
            // Whoever resumed last learnt a's flags from the server's joined.peers; either way b
            // must see a muted, and must never have been told otherwise.
            Await.until("b to know a as muted after resuming", LIMIT,
                    () -> b.peers().stream().filter(p -> p.id().equals(aId)).findFirst().map(p -> !p.audio()).orElse(false));
            a.setCamera(false).get(5, TimeUnit.SECONDS); // a later change goes out with the kept mute
            Await.until("b to see a's camera off", LIMIT,
                    () -> b.peers().stream().filter(p -> p.id().equals(aId)).findFirst().map(p -> !p.video()).orElse(false));
            List<MediaFlags> toldB = atB.drain().stream()
                    .filter(e -> e.kind().equals("media-state") && e.peerId().equals(aId))
                    .map(e -> (MediaFlags) e.value()).toList();
            System.out.println("CallRecoveryTest: a's media-state at b after its mute: " + toldB);
            assertFalse(toldB.isEmpty(), "b heard nothing from a after resuming");
            assertTrue(toldB.stream().noneMatch(MediaFlags::audio), "b was told a's microphone is on: " + toldB);
            assertNotNull(b.connectionState(aId));
        }
    }

    /**
     * Study state said again after an outage (docs/protocol.md §13): a goal, presence or
     * check-in sent while we were away never reaches us, so on resuming every seat's kept state
     * (ours too) is said again from the server's joined.
     */
    @Test
    void aResumedVisitHearsEveryonesGoalAndCheckInAsTheServerKeptThem() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            EventRecorder atB = new EventRecorder();
            CallEngine a = call.engine("a", RED, new EventRecorder());
            CallEngine b = call.engine("b", BLUE, atB);
            call.joinedTogether("Goals", 2, a, b);
            String aId = a.selfId();
            String bId = b.selfId();
            a.setGoal("Chapter 4").get(5, TimeUnit.SECONDS);
            atB.next("a's goal at b", LIMIT, e -> e.kind().equals("goal") && aId.equals(e.peerId()));
            b.checkIn(app.carrel.protocol.CheckInResult.DONE).get(5, TimeUnit.SECONDS);

            call.stopServer();
            assertTrue(b.awaitState(CallState.RECONNECTING, LIMIT), "b should notice the outage");
            atB.drain();
            call.startServer();
            assertTrue(b.awaitState(CallState.IN_CALL, LIMIT), "b should resume");
            EventRecorder.Event goal = atB.next("a's kept goal said again at b", LIMIT,
                    e -> e.kind().equals("goal") && aId.equals(e.peerId()));
            assertEquals("Chapter 4", goal.value());
            EventRecorder.Event own = atB.next("b's own kept check-in said again", LIMIT,
                    e -> e.kind().equals("checked-in") && bId.equals(e.peerId()));
            assertEquals(app.carrel.protocol.CheckInResult.DONE, own.value());
        }
    }

    @Test
    void aRejoinRefusedForGoodEndsTheVisitInsteadOfRetryingForever() throws Exception {
        try (CallFixture call = new CallFixture(dir, b -> b.resumeGrace(Duration.ofSeconds(1)), null);
             java.net.ServerSocket dead = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            AtomicReference<URI> whereAIsSent = new AtomicReference<>(call.uri());
            EventRecorder atA = new EventRecorder();
            CallEngine a = call.engine(whereAIsSent::get, "a", RED, atA,
                    new AudioBackend(AudioBackend.Kind.HEADLESS, "test"), config -> { });
            CallEngine b = call.engine("b", BLUE, new EventRecorder());
            CallEngine c = call.engine("c", GREEN, new EventRecorder());
            String room = call.joinedTogether("Pair", 2, a, b);

            // The server restarts; a cannot reach it (its network is down) while b comes back.
            dead.close(); // a port nothing listens on: every attempt of a's is refused
            whereAIsSent.set(URI.create("ws://127.0.0.1:" + dead.getLocalPort() + "/signal"));
            call.stopServer();
            call.startServer();
            assertTrue(b.awaitState(CallState.IN_CALL, LIMIT), "b should resume");
            // a's seat outlives its 1 s grace; c takes it, and the room is full without a.
            Await.until("c to get a's seat", LIMIT, () -> {
                try {
                    call.join(c, room);
                    return true;
                } catch (Exception roomStillFull) {
                    return false;
                }
            });
            whereAIsSent.set(call.uri()); // a's network is back: the server says the room is full

            EventRecorder.Event ended = atA.next("a's visit to end", LIMIT, e -> e.kind().equals("room-ended"));
            assertTrue(((String) ended.value()).contains("filled up"), "said why: " + ended.value());
            assertTrue(a.awaitState(CallState.IDLE, LIMIT), "a is out of the room, not reconnecting");
            assertNull(a.roomId(), "a has left the room");
        }
    }

    @Test
    void anOutageAnnouncesEveryReconnectAttemptWithItsTimeBackingOff() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            EventRecorder atA = new EventRecorder();
            CallEngine a = call.engine("a", RED, atA);
            String room = call.createRoom(a, "Backoff", 2);
            call.join(a, room);
            call.stopServer();
            List<EventRecorder.Retry> retries = new java.util.ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                retries.add((EventRecorder.Retry) atA.next("reconnect attempt " + i + " announced", LIMIT,
                        e -> e.kind().equals("reconnecting")).value());
            }
            System.out.println("CallRecoveryTest: retries announced " + retries);
            assertEquals(List.of(1, 2, 3), retries.stream().map(EventRecorder.Retry::attempt).toList());
            // Steps of 250 ms, 500 ms, then the fixture's 1 s ceiling, each waited somewhere in its
            // upper half (jitter); up to 100 ms is lost between scheduling and recording.
            long[] steps = {250, 500, 1000};
            for (int i = 0; i < 3; i++) {
                long ahead = retries.get(i).ahead().toMillis();
                assertTrue(ahead > steps[i] / 2 - 100 && ahead <= steps[i], "retry " + (i + 1) + " in the upper half of "
                        + steps[i] + " ms: " + retries);
            }
            call.startServer();
            assertTrue(a.awaitState(CallState.IN_CALL, LIMIT), "a should resume");
        }
    }

}

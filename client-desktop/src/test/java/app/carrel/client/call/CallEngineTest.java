package app.carrel.client.call;

import static app.carrel.client.call.CallFixture.BLUE;
import static app.carrel.client.call.CallFixture.GREEN;
import static app.carrel.client.call.CallFixture.RED;
import static app.carrel.client.call.CallFixture.awaitFrames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.Await;
import app.carrel.client.NoLeaksExtension;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.FrameColor;
import app.carrel.client.media.SyntheticCamera;
import app.carrel.client.signaling.SignalingException;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.MediaFlags;
import java.awt.Color;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Engines against a real server with real peer connections. */
@ExtendWith(NoLeaksExtension.class)
class CallEngineTest {

    private static final Duration LIMIT = CallFixture.LIMIT;

    @TempDir
    Path dir;

    @Test
    void threeEnginesDecodeEachOtherAndColoursIdentifyTheSender() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            int[] colours = {RED, GREEN, BLUE};
            CallEngine[] engines = new CallEngine[3];
            for (int i = 0; i < 3; i++) {
                engines[i] = call.engine("p" + i, colours[i], new EventRecorder());
            }
            String room = call.createRoom(engines[0], "Mesh", 3);
            long start = System.nanoTime();
            for (CallEngine engine : engines) {
                call.join(engine, room);
            }
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    if (i != j) {
                        awaitFrames(engines[i], engines[j].selfId(), 15);
                    }
                }
            }
            System.out.printf("CallEngineTest: 3-way mesh decoding 15+ frames everywhere %d ms after the first join%n",
                    (System.nanoTime() - start) / 1_000_000);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    if (i != j) {
                        int seen = engines[i].videoReception(engines[j].selfId(), VideoKind.CAMERA).avgRgb();
                        assertEquals(j, nearest(seen, colours),
                                "p" + i + " saw #" + FrameColor.hex(seen) + " from p" + j);
                    }
                }
            }
            List<PeerStats> stats = engines[0].stats().get(10, TimeUnit.SECONDS);
            System.out.println("CallEngineTest stats of p0: " + stats);
            assertEquals(2, stats.size());
            assertTrue(stats.stream().allMatch(s -> "host".equals(s.candidateType()) && s.framesDecoded() > 0));
        }
    }

    @Test
    void cameraOffStopsTheFlowAndCameraOnResumesIt() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            EventRecorder atB = new EventRecorder();
            CallEngine a = call.engine("a", RED, new EventRecorder());
            CallEngine b = call.engine("b", BLUE, atB);
            call.joinedTogether("Camera", 4, a, b);
            String aId = a.selfId();
            awaitFrames(b, aId, 10);

            a.setCamera(false).get(5, TimeUnit.SECONDS);
            EventRecorder.Event off = atB.next("media-state video off", LIMIT,
                    e -> e.kind().equals("media-state") && e.peerId().equals(aId));
            assertFalse(((MediaFlags) off.value()).video());
            Await.until("a's video to stop at b", LIMIT,
                    () -> b.videoReception(aId, VideoKind.CAMERA).secondsSinceLastFrame() > 1.5);
            long frozenAt = b.videoReception(aId, VideoKind.CAMERA).frames();

            a.setCamera(true).get(5, TimeUnit.SECONDS);
            EventRecorder.Event on = atB.next("media-state video on", LIMIT,
                    e -> e.kind().equals("media-state") && e.peerId().equals(aId));
            assertTrue(((MediaFlags) on.value()).video());
            awaitFrames(b, aId, frozenAt + 10);
        }
    }

    @Test
    void aPeerLeavingIsReportedAndItsConnectionClosed() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            EventRecorder atA = new EventRecorder();
            EventRecorder atB = new EventRecorder();
            CallEngine a = call.engine("a", RED, atA);
            CallEngine b = call.engine("b", GREEN, atB);
            CallEngine c = call.engine("c", BLUE, new EventRecorder());
            call.joinedTogether("Leaving", 3, a, b, c);
            String cId = c.selfId();
            awaitFrames(a, cId, 5);
            awaitFrames(b, cId, 5);

            c.leave().get(10, TimeUnit.SECONDS);
            atA.next("peer-left at a", LIMIT, e -> e.kind().equals("peer-left") && e.peerId().equals(cId));
            atB.next("peer-left at b", LIMIT, e -> e.kind().equals("peer-left") && e.peerId().equals(cId));
            assertNull(a.connectionState(cId), "a still has a connection to c");
            assertNull(b.connectionState(cId), "b still has a connection to c");
            assertEquals(CallState.LOBBY, c.state());
            assertEquals(ConnectionState.CONNECTED, a.connectionState(b.selfId()));
        }
    }

    @Test
    void aCameraThatCannotOpenFailsTheJoinAndLeavesNoSeatTaken() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            CallEngine a = call.engine("a", RED, new EventRecorder());
            CallEngine b = call.engine("b", GREEN, new EventRecorder(), new AudioBackend(AudioBackend.Kind.HEADLESS, "test"),
                    config -> config.camera(() -> {
                        throw new IllegalStateException("camera busy");
                    }));
            CallEngine c = call.engine("c", BLUE, new EventRecorder());
            String room = call.createRoom(a, "Pair", 2);
            call.join(a, room);

            // The join goes out before our media opens (they overlap), so b is seated for a moment.
            ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> b.join(room, null).get(10, TimeUnit.SECONDS));
            assertEquals("camera busy", failed.getCause().getMessage());
            assertEquals(CallState.LOBBY, b.state());
            // Its seat is free again: in a room of two, c gets in.
            Await.until("c seated in b's place", LIMIT, () -> {
                try {
                    call.join(c, room);
                    return true;
                } catch (Exception e) {
                    return false; // room-full while b's leave is still on its way
                }
            });
            awaitFrames(a, c.selfId(), 3);
        }
    }

    /**
     * Our media opens while the join travels; what the room says right after our joined must
     * not be lost meanwhile. b's camera takes half a second to open (a slow USB camera), and a
     * turns its camera off as soon as it sees b arrive, so a's media-state reaches b while b's
     * camera is still opening.
     */
    @Test
    void whatTheRoomSaysWhileOurCameraOpensIsKept() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            EventRecorder atA = new EventRecorder();
            EventRecorder atB = new EventRecorder();
            CallEngine a = call.engine("a", RED, atA);
            CallEngine b = call.engine("b", BLUE, atB, new AudioBackend(AudioBackend.Kind.HEADLESS, "test"),
                    config -> config.camera(() -> {
                        try {
                            Thread.sleep(500); // the slow camera, not a wait for anything
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return new SyntheticCamera(CallFixture.SMALL, new Color(BLUE), "b");
                    }));
            String room = call.createRoom(a, "Slow camera", 2);
            call.join(a, room);

            CompletableFuture<JoinedRoom> joining = b.join(room, null);
            atA.next("b arrives at a", LIMIT, e -> e.kind().equals("peer-joined"));
            a.setCamera(false).get(5, TimeUnit.SECONDS);
            joining.get(LIMIT.toSeconds(), TimeUnit.SECONDS);

            EventRecorder.Event off = atB.next("a's camera off, at b", LIMIT,
                    e -> e.kind().equals("media-state") && e.peerId().equals(a.selfId()));
            assertFalse(((MediaFlags) off.value()).video());
        }
    }

    @Test
    void aFourthJoinerIntoARoomOfThreeGetsRoomFull() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            CallEngine[] engines = new CallEngine[4];
            for (int i = 0; i < 4; i++) {
                engines[i] = call.engine("p" + i, RED, new EventRecorder());
            }
            String room = call.createRoom(engines[0], "Small", 3);
            for (int i = 0; i < 3; i++) {
                call.join(engines[i], room);
            }
            ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> engines[3].join(room, null).get(10, TimeUnit.SECONDS));
            assertTrue(refused.getCause() instanceof SignalingException);
            assertEquals(ErrorCode.ROOM_FULL, ((SignalingException) refused.getCause()).code());
            assertEquals(CallState.LOBBY, engines[3].state());
        }
    }

    @Test
    void videoFlowsWhileTheServerIsDownAndEnginesResumeWithTheSameIds() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            EventRecorder atA = new EventRecorder();
            EventRecorder atB = new EventRecorder();
            CallEngine a = call.engine("a", RED, atA);
            CallEngine b = call.engine("b", BLUE, atB);
            call.joinedTogether("Outage", 4, a, b);
            String aId = a.selfId();
            String bId = b.selfId();
            awaitFrames(b, aId, 10);
            awaitFrames(a, bId, 10);

            call.stopServer();
            assertTrue(a.awaitState(CallState.RECONNECTING, LIMIT), "a should notice the outage");
            assertTrue(b.awaitState(CallState.RECONNECTING, LIMIT), "b should notice the outage");
            long before = b.videoReception(aId, VideoKind.CAMERA).frames();
            awaitFrames(b, aId, before + 30);
            awaitFrames(a, bId, a.videoReception(bId, VideoKind.CAMERA).frames() + 30);

            call.startServer();
            assertTrue(a.awaitState(CallState.IN_CALL, LIMIT), "a should resume");
            assertTrue(b.awaitState(CallState.IN_CALL, LIMIT), "b should resume");
            assertEquals(aId, a.selfId());
            assertEquals(bId, b.selfId());
            assertEquals(List.of(bId), a.peers().stream().map(p -> p.id()).toList());
            awaitFrames(b, aId, b.videoReception(aId, VideoKind.CAMERA).frames() + 10);
            // Signaling works again end to end: a media change reaches the other side.
            a.setMicrophone(false).get(5, TimeUnit.SECONDS);
            atB.next("b to see a muted", LIMIT, e -> e.kind().equals("media-state") && e.peerId().equals(aId)
                    && !((MediaFlags) e.value()).audio());
            assertTrue(b.peers().stream().anyMatch(p -> p.id().equals(aId) && !p.audio()));
        }
    }

    private static int nearest(int rgb, int[] colours) {
        int best = 0;
        for (int i = 1; i < colours.length; i++) {
            if (FrameColor.distance(rgb, colours[i]) < FrameColor.distance(rgb, colours[best])) {
                best = i;
            }
        }
        return FrameColor.distance(rgb, colours[best]) < 80 ? best : -1;
    }
}

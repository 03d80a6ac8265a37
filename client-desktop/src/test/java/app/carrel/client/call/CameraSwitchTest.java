package app.carrel.client.call;

import static app.carrel.client.call.CallFixture.BLUE;
import static app.carrel.client.call.CallFixture.GREEN;
import static app.carrel.client.call.CallFixture.RED;
import static app.carrel.client.call.CallFixture.awaitFrames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.Await;
import app.carrel.client.NoLeaksExtension;
import app.carrel.client.media.FrameColor;
import app.carrel.client.media.LocalVideo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another camera picked in the middle of a call reaches the others in place of the old one,
 * without renegotiating; the old camera is freed; a camera that is off stays off. Synthetic
 * cameras of different colours stand in for two devices: the peer's decoded colour shows which
 * one it gets.
 */
@ExtendWith(NoLeaksExtension.class)
class CameraSwitchTest {

    private static final Duration LIMIT = CallFixture.LIMIT;

    @TempDir
    Path dir;

    @Test
    void aSwitchedCameraReachesThePeerWithoutRenegotiatingAndTheOldOneIsClosed() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            RecordingCamera red = new RecordingCamera(CallFixture.SMALL, RED, "a");
            RecordingCamera green = new RecordingCamera(CallFixture.SMALL, GREEN, "a");
            EventRecorder atA = new EventRecorder();
            EventRecorder atB = new EventRecorder();
            CallEngine a = call.engine("a", RED, atA, audio(), config -> config.camera(() -> red));
            CallEngine b = call.engine("b", BLUE, atB);
            call.joinedTogether("Switch", 2, a, b);
            String aId = a.selfId();
            String bId = b.selfId();
            awaitColour(b, aId, RED);
            awaitConnected(a, bId);
            awaitConnected(b, aId);
            String aSession = MeshProbe.sessionVersions(a, bId);
            String bSession = MeshProbe.sessionVersions(b, aId);
            atA.drain();
            atB.drain();

            a.switchCamera(() -> green).get(10, TimeUnit.SECONDS);
            assertTrue(red.closed(), "the old camera's source is closed once the switch is done");
            awaitColour(b, aId, GREEN);

            assertEquals(aSession, MeshProbe.sessionVersions(a, bId), "a renegotiated");
            assertEquals(bSession, MeshProbe.sessionVersions(b, aId), "b renegotiated");
            assertEquals(ConnectionState.CONNECTED, a.connectionState(bId));
            assertEquals(ConnectionState.CONNECTED, b.connectionState(aId));
            for (EventRecorder.Event e : concat(atA.drain(), atB.drain())) {
                assertFalse(e.kind().equals("connection") || e.kind().equals("problem"), "unexpected " + e);
            }
        }
    }

    @Test
    void aCameraSwitchedWhileTheCameraIsOffStaysOffUntilTurnedOn() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            RecordingCamera green = new RecordingCamera(CallFixture.SMALL, GREEN, "a");
            EventRecorder atB = new EventRecorder();
            CallEngine a = call.engine("a", RED, new EventRecorder());
            CallEngine b = call.engine("b", BLUE, atB);
            call.joinedTogether("Off", 2, a, b);
            String aId = a.selfId();
            awaitColour(b, aId, RED);
            a.setCamera(false).get(5, TimeUnit.SECONDS);
            Await.until("a's video to stop at b", LIMIT,
                    () -> b.videoReception(aId, VideoKind.CAMERA).secondsSinceLastFrame() > 1.5);

            a.switchCamera(() -> green).get(10, TimeUnit.SECONDS);
            assertFalse(green.everStarted(), "a camera switched while off must not capture");
            assertFalse(a.localMedia().video());
            assertEquals(Boolean.FALSE, a.inspect(r -> r.local().tracks().camera.isEnabled()), "the new track is disabled");

            long frozenAt = b.videoReception(aId, VideoKind.CAMERA).frames();
            a.setCamera(true).get(5, TimeUnit.SECONDS);
            assertTrue(green.everStarted());
            awaitFrames(b, aId, frozenAt + 10);
            awaitColour(b, aId, GREEN);
        }
    }

    @Test
    void aCameraThatCannotStartLeavesTheOldOneAndSaysSo() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            EventRecorder atA = new EventRecorder();
            CallEngine a = call.engine("a", RED, atA);
            CallEngine b = call.engine("b", BLUE, new EventRecorder());
            call.joinedTogether("Broken", 2, a, b);
            String aId = a.selfId();
            awaitColour(b, aId, RED);

            ExecutionException failed = assertThrows(ExecutionException.class, () -> a.switchCamera(
                    (java.util.function.Supplier<LocalVideo>) () -> {
                        throw new IllegalStateException("device busy");
                    }).get(10, TimeUnit.SECONDS));
            assertTrue(failed.getCause().getMessage().contains("device busy"), failed.toString());
            EventRecorder.Event notice = atA.next("the camera notice", LIMIT, e -> e.kind().equals("problem"));
            assertTrue(((String) notice.value()).contains("still on the one before"), String.valueOf(notice.value()));
            long before = b.videoReception(aId, VideoKind.CAMERA).frames();
            awaitFrames(b, aId, before + 10);
            awaitColour(b, aId, RED);
        }
    }

    private static app.carrel.client.media.AudioBackend audio() {
        return new app.carrel.client.media.AudioBackend(app.carrel.client.media.AudioBackend.Kind.HEADLESS, "test");
    }

    private static void awaitConnected(CallEngine at, String peerId) {
        Await.until("connected to " + peerId, LIMIT, () -> at.connectionState(peerId) == ConnectionState.CONNECTED);
    }

    /** Until the colour sampled from {@code from}'s video (every 250 ms) is near {@code rgb}. */
    private static void awaitColour(CallEngine at, String from, int rgb) {
        Await.until("#" + FrameColor.hex(rgb) + " from " + from, LIMIT, () -> {
            VideoReception seen = at.videoReception(from, VideoKind.CAMERA);
            return seen.frames() > 0 && FrameColor.distance(seen.avgRgb(), rgb) < 80;
        }, () -> "(have #" + FrameColor.hex(at.videoReception(from, VideoKind.CAMERA).avgRgb()) + ")");
    }

    private static List<EventRecorder.Event> concat(List<EventRecorder.Event> one, List<EventRecorder.Event> two) {
        return java.util.stream.Stream.concat(one.stream(), two.stream()).toList();
    }
}

package app.carrel.client.call;

import static app.carrel.client.call.CallFixture.BLUE;
import static app.carrel.client.call.CallFixture.GREEN;
import static app.carrel.client.call.CallFixture.RED;
import static app.carrel.client.call.CallFixture.awaitFrames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.carrel.client.Await;
import app.carrel.client.NoLeaksExtension;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.SyntheticCamera;
import app.carrel.client.media.VideoFormat;
import dev.onvoid.webrtc.RTCRtpEncodingParameters;
import java.awt.Color;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mesh splits our uplink over the peers: in a room of four every camera sender carries the
 * four-person cap, read back from libwebrtc, and the peers decode the smaller picture; when one
 * leaves, the three left go up to the three-person cap, live, without renegotiating. Audio is
 * never capped; a shared screen takes most of each peer's share. The cameras capture 640x480 so
 * the smaller tiers really scale.
 */
@ExtendWith(NoLeaksExtension.class)
class SenderCapsTest {

    private static final Duration LIMIT = CallFixture.LIMIT;
    private static final VideoFormat VGA = new VideoFormat(640, 480, 15);
    // UplinkBudget's tiers, spelled out: 2.5 Mbit/s over three peers, then over two; 360 of 480 lines.
    private static final VideoCap FOUR_PEOPLE = new VideoCap(833_333, 480 / 360.0, 15);
    private static final VideoCap THREE_PEOPLE = new VideoCap(1_250_000, 480 / 360.0, 15);

    @TempDir
    Path dir;

    @Test
    void everyCameraSenderCarriesTheRoomsCapAndItRisesWhenSomeoneLeaves() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            int[] colours = {RED, GREEN, BLUE, 0xE0C020};
            List<CallEngine> engines = new ArrayList<>();
            List<EventRecorder> recorders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                EventRecorder recorder = new EventRecorder();
                recorders.add(recorder);
                engines.add(call.engine("p" + i, colours[i], recorder, headless(), config -> config.format(VGA)));
            }
            call.joinedTogether("Study hall", 4, engines.toArray(CallEngine[]::new));
            for (CallEngine at : engines) {
                for (CallEngine from : engines) {
                    if (at != from) {
                        awaitFrames(at, from.selfId(), 5);
                    }
                }
            }

            for (CallEngine at : engines) {
                for (CallEngine to : engines) {
                    if (at != to) {
                        assertCapped(FOUR_PEOPLE, at, to.selfId());
                        assertAudioUncapped(at, to.selfId());
                    }
                }
            }
            // The cap reaches the encoder: everyone decodes at most 360 lines from everyone.
            for (CallEngine at : engines) {
                for (CallEngine from : engines) {
                    if (at != from) {
                        awaitHeightAtMost(360, at, from.selfId());
                    }
                }
            }

            CallEngine leaver = engines.remove(3);
            String leaverId = leaver.selfId();
            CallEngine a = engines.get(0);
            String bId = engines.get(1).selfId();
            String session = MeshProbe.sessionVersions(a, bId);
            for (EventRecorder recorder : recorders.subList(0, 3)) {
                recorder.drain();
            }
            leaver.leave().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                recorders.get(i).next("p3 leaving", LIMIT, e -> e.kind().equals("peer-left") && e.peerId().equals(leaverId));
            }

            // The leaver's connection closes on the engine thread before peer-left is fired, and the
            // budget is split anew there: no wait beyond the event.
            for (CallEngine at : engines) {
                for (CallEngine to : engines) {
                    if (at != to) {
                        assertCapped(THREE_PEOPLE, at, to.selfId());
                        assertAudioUncapped(at, to.selfId());
                    }
                }
            }
            assertEquals(session, MeshProbe.sessionVersions(a, bId), "the new cap must not renegotiate");
            long before = a.videoReception(bId, VideoKind.CAMERA).frames();
            awaitFrames(a, bId, before + 10);
        }
    }

    @Test
    void aSharedScreenTakesMostOfTheShareAndTheCameraGetsItBackWhenSharingStops() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            CallEngine a = call.engine("a", RED, new EventRecorder(), headless(), config -> config.format(VGA)
                    .screen(() -> new SyntheticCamera(CallFixture.SMALL, new Color(GREEN), "screen")));
            CallEngine b = call.engine("b", BLUE, new EventRecorder());
            call.joinedTogether("Screens", 2, a, b);
            String bId = b.selfId();
            awaitFrames(b, a.selfId(), 5);
            assertCapped(new VideoCap(2_500_000, 1, 15), a, bId);

            a.startScreenShare().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            // Two thirds of the one peer's share for the screen, at full size; the camera at 240 of 480 lines.
            assertCapped(new VideoCap(1_666_666, 1, 15), a, bId, VideoKind.SCREEN);
            assertCapped(new VideoCap(833_334, 2, 15), a, bId);
            assertAudioUncapped(a, bId);
            Await.until("a's screen at b", LIMIT, () -> b.videoReception(a.selfId(), VideoKind.SCREEN).frames() > 5);

            a.stopScreenShare().get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            assertCapped(new VideoCap(2_500_000, 1, 15), a, bId);
        }
    }

    /**
     * A camera starts with a floor of 600 kbit/s (libwebrtc's initial frame dropper discards the
     * first 640x480 frames below 500) and loses it once its time is up. a keeps its floor for an
     * hour, b for no time at all, so neither assertion depends on how fast the machine is.
     */
    @Test
    void aCameraStartsWithABitRateFloorThatIsLiftedOnceItsTimeIsUp() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            CallEngine a = call.engine("a", RED, new EventRecorder(), headless(),
                    config -> config.format(VGA).startFloor(Duration.ofHours(1)));
            CallEngine b = call.engine("b", BLUE, new EventRecorder(), headless(),
                    config -> config.format(VGA).startFloor(Duration.ZERO));
            call.joinedTogether("Floors", 2, a, b);
            awaitFrames(b, a.selfId(), 5);
            awaitFrames(a, b.selfId(), 5);

            for (RTCRtpEncodingParameters encoding : MeshProbe.videoEncodings(a, b.selfId(), VideoKind.CAMERA)) {
                assertEquals(SenderCaps.START_FLOOR_BPS, encoding.minBitrate, "a's camera to b: " + encoding);
                assertEquals(2_500_000, encoding.maxBitrate, "the cap stays beside the floor: " + encoding);
            }
            Await.until("b's camera floor lifted", LIMIT,
                    () -> MeshProbe.videoEncodings(b, a.selfId(), VideoKind.CAMERA).stream().allMatch(e -> e.minBitrate == null),
                    () -> "(b's camera to a: " + MeshProbe.videoEncodings(b, a.selfId(), VideoKind.CAMERA) + ")");
            assertCapped(new VideoCap(2_500_000, 1, 15), b, a.selfId());
        }
    }

    private static void assertCapped(VideoCap cap, CallEngine at, String peerId) {
        assertCapped(cap, at, peerId, VideoKind.CAMERA);
    }

    private static void assertCapped(VideoCap cap, CallEngine at, String peerId, VideoKind kind) {
        List<RTCRtpEncodingParameters> encodings = MeshProbe.videoEncodings(at, peerId, kind);
        String where = at.selfId() + "'s " + kind.label() + " to " + peerId + ": " + encodings;
        assertFalse(encodings.isEmpty(), where);
        for (RTCRtpEncodingParameters encoding : encodings) {
            assertEquals(cap.maxBitrateBps(), encoding.maxBitrate, where);
            assertEquals(cap.scaleResolutionDownBy(), encoding.scaleResolutionDownBy, 1e-9, where);
            assertEquals(cap.maxFramerate(), encoding.maxFramerate, 1e-9, where);
        }
    }

    private static void assertAudioUncapped(CallEngine at, String peerId) {
        for (RTCRtpEncodingParameters encoding : MeshProbe.audioEncodings(at, peerId)) {
            String where = at.selfId() + "'s audio to " + peerId + ": " + encoding;
            assertNull(encoding.maxBitrate, where);
            assertNull(encoding.maxFramerate, where);
            assertNull(encoding.scaleResolutionDownBy, where);
            // Headless engines send no audio (LocalTracks.audioSent): stopped on both sides of
            // every connection, the answerer's too (its stop used to be lost before the answer).
            assertEquals(Boolean.FALSE, encoding.active, where);
        }
    }

    private static void awaitHeightAtMost(int lines, CallEngine at, String from) {
        Await.until("at most " + lines + " lines from " + from, LIMIT, () -> {
            VideoReception seen = at.videoReception(from, VideoKind.CAMERA);
            return seen.height() > 0 && seen.height() <= lines;
        }, () -> "(have " + at.videoReception(from, VideoKind.CAMERA) + ")");
    }

    private static AudioBackend headless() {
        return new AudioBackend(AudioBackend.Kind.HEADLESS, "test");
    }
}

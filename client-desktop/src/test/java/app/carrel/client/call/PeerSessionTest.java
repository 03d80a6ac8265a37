package app.carrel.client.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.Await;
import app.carrel.client.NoLeaksExtension;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.FrameColor;
import app.carrel.client.media.MediaFactory;
import app.carrel.client.media.SyntheticCamera;
import app.carrel.client.media.VideoFormat;
import app.carrel.protocol.IceCandidate;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.awt.Color;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two peer sessions in one JVM, wired to each other without a server. */
@ExtendWith(NoLeaksExtension.class)
class PeerSessionTest {

    private static final VideoFormat SMALL = new VideoFormat(320, 240, 15);

    @Test
    void twoSessionsExchangeVideoAndColoursIdentifyTheSender() throws Exception {
        MediaFactory factory = MediaFactory.create(new AudioBackend(AudioBackend.Kind.HEADLESS, "test"));
        Side a = new Side("a", factory, new Color(0xE02020));
        Side b = new Side("b", factory, new Color(0x2040E0));
        try {
            a.connectTo(b);
            b.connectTo(a);
            long start = System.nanoTime();
            a.executor.execute(a.session::startAsInitiator);

            Await.until("both connected", Duration.ofSeconds(10),
                    () -> a.session.state() == RTCPeerConnectionState.CONNECTED
                            && b.session.state() == RTCPeerConnectionState.CONNECTED);
            long connected = System.nanoTime();
            Await.until("first frames both ways", Duration.ofSeconds(10),
                    () -> a.session.remote().reception(VideoKind.CAMERA).frames() > 0
                            && b.session.remote().reception(VideoKind.CAMERA).frames() > 0);
            long firstFrame = System.nanoTime();
            System.out.printf("PeerSessionTest: connected after %d ms, first frames after %d ms%n",
                    (connected - start) / 1_000_000, (firstFrame - start) / 1_000_000);

            Await.until("a few seconds of video", Duration.ofSeconds(10),
                    () -> b.session.remote().reception(VideoKind.CAMERA).frames() > 20);
            VideoReception atB = b.session.remote().reception(VideoKind.CAMERA);
            VideoReception atA = a.session.remote().reception(VideoKind.CAMERA);
            assertEquals(320, atB.width());
            assertEquals(240, atB.height());
            assertTrue(FrameColor.distance(atB.avgRgb(), 0xE02020) < 60,
                    "b should see a's red, saw " + FrameColor.hex(atB.avgRgb()));
            assertTrue(FrameColor.distance(atA.avgRgb(), 0x2040E0) < 60,
                    "a should see b's blue, saw " + FrameColor.hex(atA.avgRgb()));

            PeerStats stats = a.executor.submit(() -> a.session.stats()).get(5, TimeUnit.SECONDS)
                    .get(5, TimeUnit.SECONDS);
            System.out.println("PeerSessionTest stats: " + stats);
            assertEquals("host", stats.candidateType());
            assertTrue(stats.framesDecoded() > 0);
        } finally {
            try {
                a.close();
            } finally {
                b.close();
                factory.close();
            }
        }
    }

    /** One side of the call: its camera, tracks, session and engine thread. */
    private static final class Side implements PeerEvents {
        final String id;
        final MediaFactory factory;
        final ExecutorService executor;
        final SyntheticCamera camera;
        final AudioTrackSource audioSource;
        final LocalTracks tracks;
        PeerSession session;

        Side(String id, MediaFactory factory, Color color) {
            this.id = id;
            this.factory = factory;
            this.executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-engine-" + id));
            this.camera = new SyntheticCamera(SMALL, color, id);
            this.audioSource = factory.createMicrophoneSource();
            AudioTrack audio = factory.createAudioTrack("audio", audioSource);
            VideoTrack video = factory.createVideoTrack("camera", camera.source());
            this.tracks = new LocalTracks(audio, video);
            camera.start();
        }

        void connectTo(Side other) {
            String otherId = other.id;
            Relay relay = new Relay() {
                @Override
                public void offer(String to, String sdp) {
                    other.executor.execute(() -> other.session.onRemoteOffer(sdp));
                }

                @Override
                public void answer(String to, String sdp) {
                    other.executor.execute(() -> other.session.onRemoteAnswer(sdp));
                }

                @Override
                public void ice(String to, IceCandidate candidate) {
                    other.executor.execute(() -> other.session.onRemoteCandidate(candidate));
                }
            };
            session = new PeerSession(id, otherId, factory.peerConnectionFactory(), new RTCConfiguration(),
                    tracks, relay, executor, this);
        }

        @Override
        public void onConnectionState(String peerId, RTCPeerConnectionState state) {
        }

        @Override
        public void onProblem(String message) {
            System.err.println(id + ": " + message);
        }

        void close() throws InterruptedException {
            executor.submit(session::close);
            executor.shutdown();
            executor.awaitTermination(5, TimeUnit.SECONDS);
            camera.stop();
            tracks.camera.dispose();
            tracks.audio.dispose();
            camera.close();
        }
    }
}

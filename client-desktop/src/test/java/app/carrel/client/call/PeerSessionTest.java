package app.carrel.client.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.awt.Color;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two peer sessions in one JVM, wired to each other without a server. */
@ExtendWith(NoLeaksExtension.class)
class PeerSessionTest {

    private static final VideoFormat SMALL = new VideoFormat(320, 240, 15);

    @Test
    void twoSessionsExchangeVideoAndColoursIdentifyTheSender() throws Exception {
        try (Call call = new Call(UnaryOperator.identity())) {
            Side a = call.a;
            Side b = call.b;
            long start = System.nanoTime();
            a.executor.execute(a.session::startAsInitiator);

            Await.until("both connected", Duration.ofSeconds(10),
                    () -> a.session.state() == ConnectionState.CONNECTED
                            && b.session.state() == ConnectionState.CONNECTED);
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
        }
    }

    @Test
    void theJoinerSendsItsCandidatesOnlyOnceTheAnswerIsInAndOnlyVp8AndOpusAreNegotiated() throws Exception {
        try (Call call = new Call(UnaryOperator.identity())) {
            Side a = call.a;
            Side b = call.b;
            a.executor.execute(a.session::startAsInitiator);
            Await.until("video both ways", Duration.ofSeconds(10),
                    () -> a.session.remote().reception(VideoKind.CAMERA).frames() > 0
                            && b.session.remote().reception(VideoKind.CAMERA).frames() > 0);

            List<String> seenByA = List.copyOf(a.journal);
            int answer = seenByA.indexOf("answer in");
            assertTrue(answer >= 0, "a never got the answer: " + seenByA);
            assertTrue(seenByA.contains("ice out"), "a sent no candidate: " + seenByA);
            assertEquals(-1, seenByA.subList(0, answer).indexOf("ice out"),
                    "a sent a candidate before it had the answer: " + seenByA);

            String offer = a.executor.submit(a.session::localSdp).get(5, TimeUnit.SECONDS);
            String answered = a.executor.submit(a.session::remoteSdp).get(5, TimeUnit.SECONDS);
            System.out.printf("PeerSessionTest: offer of %d characters, answer of %d%n", offer.length(), answered.length());
            for (String sdp : List.of(offer, answered)) {
                assertEquals(Set.of("opus"), codecsOf(sdp, "audio"), sdp);
                assertEquals(Set.of("VP8", "rtx"), codecsOf(sdp, "video"), sdp);
            }
        }
    }

    /** The codec names of every {@code kind} section of {@code sdp}. */
    private static Set<String> codecsOf(String sdp, String kind) {
        Set<String> names = new TreeSet<>();
        boolean inKind = false;
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=")) {
                inKind = line.startsWith("m=" + kind + " ");
            } else if (inKind && line.startsWith("a=rtpmap:")) {
                names.add(line.substring(line.indexOf(' ') + 1, line.indexOf('/')));
            }
        }
        return names;
    }

    @Test
    void aConnectionThatFailsIsRestartedAndRecoversWithNewCredentials() throws Exception {
        // Every candidate of the first ICE generation points at a socket that never answers, so no
        // pair can work and ICE fails for real; candidates with a later ufrag (a restart) pass.
        try (DatagramSocket blackHole = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            DeadFirstGeneration sabotage = new DeadFirstGeneration(blackHole.getLocalPort());
            try (Call call = new Call(sabotage)) {
                Side a = call.a;
                Side b = call.b;
                long start = System.nanoTime();
                a.executor.execute(a.session::startAsInitiator);

                Await.until("the first connection to fail", Duration.ofSeconds(45),
                        () -> a.states.contains(ConnectionState.FAILED) || b.states.contains(ConnectionState.FAILED),
                        () -> "a: " + a.states + " b: " + b.states + " killed " + sabotage.killed + " " + sabotage.example);
                long failed = System.nanoTime();
                Await.until("both connected after the restart", Duration.ofSeconds(20),
                        () -> a.session.state() == ConnectionState.CONNECTED
                                && b.session.state() == ConnectionState.CONNECTED,
                        () -> "a: " + a.states + " b: " + b.states);
                Await.until("video both ways after the restart", Duration.ofSeconds(10),
                        () -> a.session.remote().reception(VideoKind.CAMERA).frames() > 10
                                && b.session.remote().reception(VideoKind.CAMERA).frames() > 10);
                String aUfrag = a.executor.submit(a.session::localIceUfrag).get(5, TimeUnit.SECONDS);
                System.out.printf("PeerSessionTest: ICE failed after %d ms (dead candidates %d), connected again %d ms later"
                                + " with ufrag %s (first was %s); a: %s b: %s%n",
                        (failed - start) / 1_000_000, sabotage.killed.get(), (System.nanoTime() - failed) / 1_000_000,
                        aUfrag, sabotage.doomed, a.states, b.states);
                assertTrue(sabotage.killed.get() > 0, "no candidate was sabotaged");
                assertFalse(sabotage.doomed.contains(aUfrag), "a still uses a first-generation ufrag " + aUfrag);
                for (Side side : new Side[] {a, b}) {
                    assertTrue(side.states.indexOf(ConnectionState.FAILED)
                            < side.states.lastIndexOf(ConnectionState.CONNECTED), side.id + ": " + side.states);
                }
            }
        }
    }

    /** Points the candidates of each side's first ICE generation at a port nobody listens on. */
    private static final class DeadFirstGeneration implements UnaryOperator<IceCandidate> {
        // libwebrtc drops remote candidates below port 1024, so the dead end must be a high port.
        final String deadPort;
        final Set<String> doomed = ConcurrentHashMap.newKeySet();
        final Set<String> seen = ConcurrentHashMap.newKeySet();
        final AtomicInteger killed = new AtomicInteger();
        volatile String example;

        DeadFirstGeneration(int deadPort) {
            this.deadPort = Integer.toString(deadPort);
        }

        @Override
        public IceCandidate apply(IceCandidate candidate) {
            String[] f = candidate.candidate().split(" ");
            String ufrag = null;
            for (int i = 0; i + 1 < f.length; i++) {
                if (f[i].equals("ufrag")) {
                    ufrag = f[i + 1];
                }
            }
            if (ufrag == null || f.length < 6) {
                return candidate;
            }
            // The first ufrag each side uses is its first generation: a side's ufrags come in order.
            if (seen.add(ufrag) && seen.size() <= 2) {
                doomed.add(ufrag);
            }
            if (!doomed.contains(ufrag)) {
                return candidate;
            }
            killed.incrementAndGet();
            example = candidate.candidate();
            f[5] = deadPort; // field 6 of "candidate:F C proto prio addr port typ …" is the port
            return new IceCandidate(String.join(" ", f), candidate.sdpMid(), candidate.sdpMLineIndex());
        }
    }

    /** Two sides wired to each other, each candidate passing through {@code candidates}; a offers. */
    private static final class Call implements AutoCloseable {
        final MediaFactory factory = MediaFactory.create(new AudioBackend(AudioBackend.Kind.HEADLESS, "test"));
        final Side a = new Side("a", factory, new Color(0xE02020));
        final Side b = new Side("b", factory, new Color(0x2040E0));

        Call(UnaryOperator<IceCandidate> candidates) {
            a.connectTo(b, candidates);
            b.connectTo(a, candidates);
        }

        @Override
        public void close() throws InterruptedException {
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
        final List<ConnectionState> states = new CopyOnWriteArrayList<>();
        /** What this side's engine thread did, in order: "ice out", "answer out", "answer in". */
        final List<String> journal = new CopyOnWriteArrayList<>();
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

        void connectTo(Side other, UnaryOperator<IceCandidate> candidates) {
            String otherId = other.id;
            Relay relay = new Relay() {
                @Override
                public void offer(String to, String sdp) {
                    other.executor.execute(() -> other.session.onRemoteOffer(sdp));
                }

                @Override
                public void answer(String to, String sdp) {
                    journal.add("answer out");
                    other.executor.execute(() -> {
                        other.journal.add("answer in");
                        other.session.onRemoteAnswer(sdp);
                    });
                }

                @Override
                public void ice(String to, IceCandidate candidate) {
                    journal.add("ice out");
                    IceCandidate passed = candidates.apply(candidate);
                    other.executor.execute(() -> other.session.onRemoteCandidate(passed));
                }
            };
            session = new PeerSession(id, otherId, factory.peerConnectionFactory(), new RTCConfiguration(),
                    tracks, relay, executor, this, Duration.ofSeconds(3));
        }

        @Override
        public void onConnectionState(String peerId, ConnectionState state) {
            states.add(state);
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

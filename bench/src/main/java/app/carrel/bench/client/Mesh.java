package app.carrel.bench.client;

import app.carrel.client.call.CallEngine;
import app.carrel.client.call.VideoKind;
import app.carrel.client.video.VideoFeed;
import app.carrel.protocol.Peer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code n} engines in one JVM, all in one room, each receiving every other's camera. With
 * {@code render} every remote stream also goes through the desktop app's conversion to screen
 * pixels ({@link VideoFeed#accept}, I420 to ARGB on the decoder thread), as in the real app.
 */
final class Mesh implements AutoCloseable {
    private final List<CallEngine> engines = new ArrayList<>();
    private final List<VideoFeed> feeds = new ArrayList<>();

    Mesh(ClientOptions options, URI server, int n, boolean render) throws Exception {
        try {
            for (int i = 0; i < n; i++) {
                engines.add(options.engine(server, "peer" + i, i));
            }
            String room = engines.get(0).createRoom("mesh", Math.max(2, n), null).get(15, TimeUnit.SECONDS).id();
            for (CallEngine e : engines) {
                e.join(room, null).get(15, TimeUnit.SECONDS);
            }
            awaitVideo(Duration.ofSeconds(60));
            if (render) {
                for (CallEngine e : engines) {
                    for (Peer p : e.peers()) {
                        VideoFeed feed = new VideoFeed();
                        feeds.add(feed);
                        e.setVideoSink(p.id(), (peer, kind, frame) -> feed.accept(frame));
                    }
                }
            }
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    List<CallEngine> engines() {
        return engines;
    }

    /** Frames decoded so far per stream, keyed "receiver<-sender". */
    Map<String, Long> frames() {
        Map<String, Long> frames = new LinkedHashMap<>();
        for (int i = 0; i < engines.size(); i++) {
            CallEngine e = engines.get(i);
            for (Peer p : e.peers()) {
                frames.put("peer" + i + "<-" + p.name(), e.videoReception(p.id(), VideoKind.CAMERA).frames());
            }
        }
        return frames;
    }

    /** Received resolution per stream, from the last decoded frame. */
    Map<String, String> sizes() {
        Map<String, String> sizes = new LinkedHashMap<>();
        for (int i = 0; i < engines.size(); i++) {
            CallEngine e = engines.get(i);
            for (Peer p : e.peers()) {
                var r = e.videoReception(p.id(), VideoKind.CAMERA);
                sizes.put("peer" + i + "<-" + p.name(), r.width() + "x" + r.height());
            }
        }
        return sizes;
    }

    private void awaitVideo(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        int want = engines.size() * (engines.size() - 1);
        while (true) {
            long streaming = frames().values().stream().filter(f -> f > 0).count();
            if (streaming == want) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + streaming + " of " + want + " streams have video after " + limit);
            }
            Thread.sleep(100); // polling the engines' counters with a deadline
        }
    }

    @Override
    public void close() {
        for (CallEngine e : engines) {
            try {
                e.close();
            } catch (RuntimeException ex) {
                System.err.println("closing an engine failed: " + ex);
            }
        }
    }
}

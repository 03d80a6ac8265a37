package app.carrel.server.hall;

import app.carrel.server.janus.JanusEvents;
import app.carrel.server.janus.JanusLink;
import app.carrel.server.janus.JanusReply;
import app.carrel.server.rooms.RoomsExecutor;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Janus instances the server was given: one {@link JanusLink} to each while it is up, a new
 * attempt every {@link #RETRY} while it is not, and every event moved onto the rooms thread for
 * {@link Listener}. The map of live links is owned by the rooms thread.
 */
final class JanusInstances {
    private static final Logger LOG = LoggerFactory.getLogger(JanusInstances.class);
    static final Duration RETRY = Duration.ofSeconds(2);

    interface Listener {
        void onUp(JanusLink link);

        void onLost(JanusLink link);

        void onEvent(JanusLink link, long handle, JanusReply event);

        void onWebrtcUp(JanusLink link, long handle);
    }

    private final List<URI> uris;
    private final String apiSecret;
    private final RoomsExecutor rooms;
    private final Listener listener;
    private final Map<URI, JanusLink> live = new LinkedHashMap<>();
    private boolean closed;

    JanusInstances(List<URI> uris, String apiSecret, RoomsExecutor rooms, Listener listener) {
        this.uris = List.copyOf(uris);
        this.apiSecret = apiSecret;
        this.rooms = rooms;
        this.listener = listener;
    }

    /** Connects to every instance; rooms thread. Completes when each has been tried once. */
    CompletableFuture<Void> start() {
        return CompletableFuture.allOf(uris.stream().map(this::connect).toArray(CompletableFuture[]::new));
    }

    /** The links that are up, in configured order; rooms thread. */
    List<JanusLink> live() {
        List<JanusLink> up = new ArrayList<>();
        for (URI uri : uris) {
            JanusLink link = live.get(uri);
            if (link != null && link.alive()) {
                up.add(link);
            }
        }
        return up;
    }

    void close() {
        closed = true;
        live.values().forEach(JanusLink::close);
        live.clear();
    }

    private CompletableFuture<Void> connect(URI uri) {
        CompletableFuture<Void> tried = new CompletableFuture<>();
        JanusLink.open(uri, apiSecret, new Hop(uri)).whenComplete((link, failure) -> rooms.execute(() -> {
            tried.complete(null);
            if (closed) {
                if (link != null) {
                    link.close();
                }
            } else if (failure != null) {
                LOG.debug("Janus at {} is not reachable: {}", uri, failure.toString());
                rooms.schedule(RETRY, () -> retry(uri));
            } else {
                LOG.info("Connected to Janus at {}", uri);
                live.put(uri, link);
                listener.onUp(link);
            }
        }));
        return tried;
    }

    private void retry(URI uri) {
        if (!closed && !live.containsKey(uri)) {
            connect(uri);
        }
    }

    /** Moves one instance's events onto the rooms thread, naming the link they came from. */
    private final class Hop implements JanusEvents {
        private final URI uri;

        Hop(URI uri) {
            this.uri = uri;
        }

        @Override
        public void onPluginEvent(long handle, JanusReply event) {
            rooms.execute(() -> {
                JanusLink link = live.get(uri);
                if (link != null) {
                    listener.onEvent(link, handle, event);
                }
            });
        }

        @Override
        public void onWebrtcUp(long handle) {
            rooms.execute(() -> {
                JanusLink link = live.get(uri);
                if (link != null) {
                    listener.onWebrtcUp(link, handle);
                }
            });
        }

        @Override
        public void onLost(JanusLink link, Throwable cause) {
            rooms.execute(() -> {
                if (live.remove(uri, link)) {
                    listener.onLost(link);
                }
                if (!closed) {
                    rooms.schedule(RETRY, () -> retry(uri));
                }
            });
        }
    }
}

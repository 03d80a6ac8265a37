package app.carrel.client.call;

import app.carrel.client.media.MediaFactory;
import app.carrel.protocol.Peer;
import app.carrel.protocol.ServerMessage;
import dev.onvoid.webrtc.RTCConfiguration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A study hall's call: we publish once to the SFU (Janus, through our server) and receive
 * everyone on one subscriber connection, whose streams the server chooses from whose video we
 * show ({@link #showVideoOf}). Presence still comes from Carrel's signaling, so a participant has
 * a {@link RemoteMedia} from the moment it is there. Engine thread, except {@link #remoteMedia}.
 */
final class SfuTransport implements CallTransport {

    private final MediaFactory factory;
    private final Executor engine;
    private final SfuSignals signals;
    private final PeerEvents events;
    private final LocalTracks tracks;
    private final Function<String, RemoteVideoSink> sinks;
    private final Map<String, RemoteMedia> remoteMedia = new ConcurrentHashMap<>();
    private final Set<String> present = new LinkedHashSet<>();
    private final RTCConfiguration rtcConfig;
    private final List<Double> layers;
    private Set<String> shown = Set.of();
    /** Whose tiles among {@link #shown} are large (the stage): sent along as the view's {@code large}. */
    private Set<String> large = Set.of();
    /** Per participant, for its bitrate between samples. */
    private final Map<String, StatsReader> statsReaders = new HashMap<>();
    private SfuPublisher publisher;
    private SfuSubscriber subscriber;

    SfuTransport(MediaFactory factory, Executor engine, SfuSignals signals, PeerEvents events, LocalTracks tracks,
                 Function<String, RemoteVideoSink> sinks, ServerMessage.Joined joined, List<Double> layers) {
        this.factory = factory;
        this.layers = layers;
        this.engine = engine;
        this.signals = signals;
        this.events = events;
        this.tracks = tracks;
        this.sinks = sinks;
        this.rtcConfig = MeshTransport.rtcConfig(joined);
    }

    @Override
    public void start(List<Peer> peers) {
        peers.forEach(this::peerJoined);
        publish();
    }

    @Override
    public void peerJoined(Peer peer) {
        present.add(peer.id());
        RemoteMedia remote = remoteMedia.computeIfAbsent(peer.id(), RemoteMedia::new);
        remote.setSink(sinks.apply(peer.id()));
    }

    @Override
    public void peerLeft(String peerId) {
        present.remove(peerId);
        statsReaders.remove(peerId);
        RemoteMedia remote = remoteMedia.remove(peerId);
        if (remote != null) {
            remote.setSink(null);
        }
    }

    @Override
    public void onRelayed(ServerMessage message) {
        if (message instanceof ServerMessage.SfuOffer offer) {
            if (subscriber == null) {
                subscriber = new SfuSubscriber(factory.peerConnectionFactory(), rtcConfig, signals, engine,
                        events::onProblem, this::subscriberState, remoteMedia::get);
            }
            subscriber.onOffer(offer.sdp(), offer.streams());
        } else if (message instanceof ServerMessage.SfuRestart) {
            // Our hall moved to another media server: everything we had there is gone.
            closeConnections();
            publish();
        }
    }

    @Override
    public void resumed(ServerMessage.Joined joined, boolean fresh) {
        if (fresh) {
            // A new participant id: the server has forgotten our publisher; start over.
            for (String peerId : new ArrayList<>(present)) {
                peerLeft(peerId);
            }
            closeConnections();
            start(joined.peers());
        }
        // Same id: our media never went through the signaling connection, so it carries on.
    }

    @Override
    public void audioChanged() {
        if (publisher != null) {
            publisher.updateAudio();
        }
    }

    @Override
    public void cameraChanged() {
        if (publisher != null) {
            publisher.updateCamera();
        }
    }

    @Override
    public void screenChanged() {
        if (publisher != null) {
            publisher.updateScreen();
        }
    }

    @Override
    public void showVideoOf(Set<String> peerIds) {
        shown = Set.copyOf(peerIds);
        sendView();
    }

    @Override
    public void showLargeVideoOf(Set<String> peerIds) {
        large = Set.copyOf(peerIds);
        sendView();
    }

    private void sendView() {
        if (publisher != null) {
            signals.view(List.copyOf(shown), SimulcastLayers.forTiles(shown.size()), List.copyOf(large));
        }
    }

    @Override
    public String kind() {
        return "sfu";
    }

    @Override
    public RemoteMedia remoteMedia(String peerId) {
        return remoteMedia.get(peerId);
    }

    /** Everyone comes through the one subscriber connection; before it exists, our publisher's. */
    @Override
    public ConnectionState connectionState(String peerId) {
        if (!present.contains(peerId)) {
            return null;
        }
        if (subscriber != null) {
            return subscriber.state();
        }
        return publisher == null ? ConnectionState.NEW : publisher.state();
    }

    @Override
    public List<String> connectedPeerIds() {
        return List.copyOf(present);
    }

    @Override
    public CompletableFuture<PeerStats> stats(String peerId) {
        if (subscriber == null || !present.contains(peerId)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("Nothing carries " + peerId + " yet"));
        }
        return subscriber.stats(peerId, statsReaders.computeIfAbsent(peerId, id -> new StatsReader()));
    }

    @Override
    public CompletableFuture<Traffic> traffic() {
        List<CompletableFuture<Traffic>> each = new ArrayList<>();
        if (publisher != null) {
            each.add(publisher.traffic());
        }
        if (subscriber != null) {
            each.add(subscriber.traffic());
        }
        return Traffic.sum(each);
    }

    @Override
    public void close() {
        closeConnections();
        remoteMedia.clear();
        present.clear();
    }

    private void publish() {
        publisher = new SfuPublisher(factory.peerConnectionFactory(), rtcConfig, tracks, signals, engine,
                events::onProblem, this::publisherState, layers);
        publisher.start();
        sendView();
    }

    private void closeConnections() {
        if (subscriber != null) {
            subscriber.close();
            subscriber = null;
        }
        if (publisher != null) {
            publisher.close();
            publisher = null;
        }
    }

    private void subscriberState(ConnectionState state) {
        present.forEach(peerId -> events.onConnectionState(peerId, state));
    }

    private void publisherState(ConnectionState state) {
        if (subscriber == null) {
            present.forEach(peerId -> events.onConnectionState(peerId, state));
        }
    }
}

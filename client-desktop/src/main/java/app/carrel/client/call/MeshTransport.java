package app.carrel.client.call;

import app.carrel.client.media.MediaFactory;
import app.carrel.protocol.Peer;
import app.carrel.protocol.ServerMessage;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The mesh: a peer connection to each participant ({@link PeerSession}, perfect negotiation, ICE
 * restart), negotiated through the server's relay. The joiner offers to everyone already there;
 * for anyone who joins later we wait for their offer. All state is owned by the engine thread;
 * only {@link #remoteMedia} may be read from any thread.
 * <p>
 * Each connection carries its own copy of our video, so the {@link UplinkBudget} is split over
 * the connections we have: re-split whenever one is made or closed and when our screen share
 * starts or stops. A newcomer counts from their offer on (they offer as they join), a leaver
 * from the moment they leave.
 */
final class MeshTransport implements CallTransport {

    private final MediaFactory factory;
    private final Executor engine;
    private final Relay relay;
    private final PeerEvents events;
    private final LocalTracks tracks;
    private final Function<String, RemoteVideoSink> sinks;
    private final UplinkBudget budget;
    private final Map<String, PeerSession> sessions = new LinkedHashMap<>();
    private final Map<String, RemoteMedia> remoteMedia = new ConcurrentHashMap<>();
    private String selfId;
    private RTCConfiguration rtcConfig;

    MeshTransport(MediaFactory factory, Executor engine, Relay relay, PeerEvents events, LocalTracks tracks,
                  Function<String, RemoteVideoSink> sinks, UplinkBudget budget, ServerMessage.Joined joined) {
        this.factory = factory;
        this.engine = engine;
        this.relay = relay;
        this.events = events;
        this.tracks = tracks;
        this.sinks = sinks;
        this.budget = budget;
        this.selfId = joined.self().id();
        this.rtcConfig = rtcConfig(joined);
    }

    @Override
    public void start(List<Peer> present) {
        for (Peer peer : present) {
            session(peer.id()).startAsInitiator();
        }
    }

    @Override
    public void peerJoined(Peer peer) {
        // Nothing yet: the newcomer offers to us.
    }

    @Override
    public void peerLeft(String peerId) {
        closeSession(peerId);
    }

    @Override
    public void onRelayed(ServerMessage message) {
        if (message instanceof ServerMessage.Offer offer) {
            session(offer.from()).onRemoteOffer(offer.sdp());
        } else if (message instanceof ServerMessage.Answer answer) {
            PeerSession session = sessions.get(answer.from());
            if (session != null) {
                session.onRemoteAnswer(answer.sdp());
            }
        } else if (message instanceof ServerMessage.Ice ice) {
            session(ice.from()).onRemoteCandidate(ice.candidate());
        }
    }

    /**
     * With the same participant id the connections live on: restart ICE where it broke. With a
     * new id (the seat was lost) we are a fresh joiner and offer to everyone again.
     */
    @Override
    public void resumed(ServerMessage.Joined joined, boolean fresh) {
        rtcConfig = rtcConfig(joined);
        if (fresh) {
            selfId = joined.self().id();
            for (String peerId : new ArrayList<>(sessions.keySet())) {
                closeSession(peerId);
            }
        }
        for (Peer peer : joined.peers()) {
            PeerSession existing = sessions.get(peer.id());
            if (fresh) {
                session(peer.id()).startAsInitiator();
            } else if (existing != null && existing.state() != ConnectionState.CONNECTED) {
                existing.restartIce();
            }
        }
    }

    @Override
    public void audioChanged() {
        sessions.values().forEach(PeerSession::updateAudio);
    }

    /** Every connection's camera sender takes the new track in place (replaceTrack): no offer. */
    @Override
    public void cameraChanged() {
        sessions.values().forEach(PeerSession::updateCamera);
    }

    /** Every connection adds or removes the screen track and renegotiates; the budget is split anew. */
    @Override
    public void screenChanged() {
        sessions.values().forEach(PeerSession::updateScreen);
        splitBudget();
    }

    /** A mesh receives everyone anyway: each sender decides what it sends (its uplink cap). */
    @Override
    public void showVideoOf(Set<String> peerIds) {
    }

    @Override
    public String kind() {
        return "mesh";
    }

    @Override
    public RemoteMedia remoteMedia(String peerId) {
        return remoteMedia.get(peerId);
    }

    @Override
    public ConnectionState connectionState(String peerId) {
        PeerSession session = sessions.get(peerId);
        return session == null ? null : session.state();
    }

    @Override
    public List<String> connectedPeerIds() {
        return List.copyOf(sessions.keySet());
    }

    @Override
    public CompletableFuture<PeerStats> stats(String peerId) {
        PeerSession session = sessions.get(peerId);
        return session == null
                ? CompletableFuture.failedFuture(new IllegalArgumentException("No connection to " + peerId))
                : session.stats();
    }

    @Override
    public CompletableFuture<Traffic> traffic() {
        return Traffic.sum(sessions.values().stream().map(PeerSession::traffic).toList());
    }

    @Override
    public void close() {
        for (String peerId : new ArrayList<>(sessions.keySet())) {
            closeSession(peerId);
        }
    }

    /** The connection to one participant, or null when there is none (tests reach it through MeshProbe). */
    PeerSession sessionTo(String peerId) {
        return sessions.get(peerId);
    }

    private PeerSession session(String peerId) {
        PeerSession existing = sessions.get(peerId);
        if (existing != null) {
            return existing;
        }
        PeerSession created = new PeerSession(selfId, peerId, factory.peerConnectionFactory(), rtcConfig,
                tracks, relay, engine, events, budget.startFloor());
        created.remote().setSink(sinks.apply(peerId));
        sessions.put(peerId, created);
        remoteMedia.put(peerId, created.remote());
        splitBudget();
        return created;
    }

    private void closeSession(String peerId) {
        PeerSession session = sessions.remove(peerId);
        // Forget what arrived with it too: a participant who rejoins gets a fresh RemoteMedia,
        // and readers (videoReception) must not see a left peer's last frames as live.
        remoteMedia.remove(peerId);
        if (session != null) {
            session.close();
            splitBudget();
        }
    }

    private void splitBudget() {
        VideoCaps caps = budget.capsFor(sessions.size(), tracks.screen != null);
        sessions.values().forEach(s -> s.setCaps(caps));
    }

    static RTCConfiguration rtcConfig(ServerMessage.Joined joined) {
        RTCConfiguration config = new RTCConfiguration();
        for (var server : joined.iceServers()) {
            RTCIceServer ice = new RTCIceServer();
            ice.urls.addAll(server.urls());
            ice.username = server.username();
            ice.password = server.credential();
            config.iceServers.add(ice);
        }
        return config;
    }
}

package app.carrel.client.call;

import app.carrel.client.media.MediaFactory;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.Peer;
import app.carrel.protocol.ServerMessage;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * One visit to a room: who is there and a peer connection to each. The joiner offers to everyone
 * already there; for anyone who joins later we wait for their offer. All state is owned by the
 * engine thread; only {@link #remoteMedia} may be read from any thread.
 */
final class RoomCall {

    private final MediaFactory factory;
    private final Executor engine;
    private final Relay relay;
    private final PeerEvents events;
    private final CallListeners listeners;
    private final LocalMedia local;
    private final Map<String, PeerSession> sessions = new LinkedHashMap<>();
    private final Map<String, Peer> peers = new LinkedHashMap<>();
    private final Map<String, RemoteMedia> remoteMedia = new ConcurrentHashMap<>();
    private final Map<String, RemoteVideoSink> sinks;
    private final String roomId;
    private String selfId;
    private RTCConfiguration rtcConfig;

    RoomCall(MediaFactory factory, Executor engine, Relay relay, PeerEvents events, CallListeners listeners,
             LocalMedia local, Map<String, RemoteVideoSink> sinks, ServerMessage.Joined joined) {
        this.factory = factory;
        this.engine = engine;
        this.relay = relay;
        this.events = events;
        this.listeners = listeners;
        this.local = local;
        this.sinks = sinks;
        this.roomId = joined.room().id();
        this.selfId = joined.self().id();
        this.rtcConfig = rtcConfig(joined);
        for (Peer peer : joined.peers()) {
            peers.put(peer.id(), peer);
            session(peer.id()).startAsInitiator();
        }
    }

    String roomId() {
        return roomId;
    }

    String selfId() {
        return selfId;
    }

    LocalMedia local() {
        return local;
    }

    List<Peer> peers() {
        return List.copyOf(peers.values());
    }

    RemoteMedia remoteMedia(String peerId) {
        return remoteMedia.get(peerId);
    }

    /** The connection to one participant, or null when there is none. */
    PeerSession sessionTo(String peerId) {
        return sessions.get(peerId);
    }

    RTCPeerConnectionState connectionState(String peerId) {
        PeerSession session = sessions.get(peerId);
        return session == null ? null : session.state();
    }

    void onPeerJoined(Peer peer) {
        peers.put(peer.id(), peer);
        listeners.fire(l -> l.onPeerJoined(peer));
    }

    void onPeerLeft(String peerId) {
        peers.remove(peerId);
        closeSession(peerId);
        listeners.fire(l -> l.onPeerLeft(peerId));
    }

    void onMediaState(ServerMessage.MediaState state) {
        Peer peer = peers.get(state.from());
        if (peer != null) {
            peers.put(peer.id(), peer.withMedia(state.media()));
        }
        MediaFlags media = state.media();
        listeners.fire(l -> l.onMediaState(state.from(), media));
    }

    void onOffer(ServerMessage.Offer offer) {
        session(offer.from()).onRemoteOffer(offer.sdp());
    }

    void onAnswer(ServerMessage.Answer answer) {
        PeerSession session = sessions.get(answer.from());
        if (session != null) {
            session.onRemoteAnswer(answer.sdp());
        }
    }

    void onIce(ServerMessage.Ice ice) {
        session(ice.from()).onRemoteCandidate(ice.candidate());
    }

    /** Screen started or stopped locally: every connection adds or removes the track and renegotiates. */
    void updateScreen() {
        sessions.values().forEach(PeerSession::updateScreen);
    }

    /** Microphone switched: every connection starts or stops its audio stream, no renegotiation. */
    void updateAudio() {
        sessions.values().forEach(PeerSession::updateAudio);
    }

    /**
     * We came back after a signaling outage. With the same participant id the connections live
     * on: drop peers who left meanwhile, learn who came, restart ICE where it broke. With a new
     * id (the seat was lost) we are a fresh joiner and offer to everyone again.
     */
    void resumed(ServerMessage.Joined joined) {
        rtcConfig = rtcConfig(joined);
        Set<String> present = joined.peers().stream().map(Peer::id).collect(Collectors.toSet());
        boolean fresh = !joined.self().id().equals(selfId);
        if (fresh) {
            selfId = joined.self().id();
            for (String peerId : new ArrayList<>(sessions.keySet())) {
                closeSession(peerId);
            }
        }
        for (String peerId : new ArrayList<>(peers.keySet())) {
            if (!present.contains(peerId)) {
                onPeerLeft(peerId);
            }
        }
        for (Peer peer : joined.peers()) {
            boolean known = peers.containsKey(peer.id());
            peers.put(peer.id(), peer);
            if (!known) {
                listeners.fire(l -> l.onPeerJoined(peer));
            }
            PeerSession existing = sessions.get(peer.id());
            if (fresh) {
                session(peer.id()).startAsInitiator();
            } else if (existing != null && existing.state() != RTCPeerConnectionState.CONNECTED) {
                existing.restartIce();
            }
        }
    }

    CompletableFuture<PeerStats> stats(String peerId) {
        PeerSession session = sessions.get(peerId);
        return session == null
                ? CompletableFuture.failedFuture(new IllegalArgumentException("No connection to " + peerId))
                : session.stats();
    }

    List<String> connectedPeerIds() {
        return List.copyOf(sessions.keySet());
    }

    /** Closes every connection, then our media: connections must let go of our tracks first. */
    void close() {
        for (String peerId : new ArrayList<>(sessions.keySet())) {
            closeSession(peerId);
        }
        local.close();
    }

    private PeerSession session(String peerId) {
        PeerSession existing = sessions.get(peerId);
        if (existing != null) {
            return existing;
        }
        PeerSession created = new PeerSession(selfId, peerId, factory.peerConnectionFactory(), rtcConfig,
                local.tracks(), relay, engine, events);
        created.remote().setSink(sinks.get(peerId));
        sessions.put(peerId, created);
        remoteMedia.put(peerId, created.remote());
        return created;
    }

    private void closeSession(String peerId) {
        PeerSession session = sessions.remove(peerId);
        // Forget what arrived with it too: a participant who rejoins gets a fresh RemoteMedia,
        // and readers (videoReception) must not see a left peer's last frames as live.
        remoteMedia.remove(peerId);
        if (session != null) {
            session.close();
        }
    }

    private static RTCConfiguration rtcConfig(ServerMessage.Joined joined) {
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

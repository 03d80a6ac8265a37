package app.carrel.client.call;

import app.carrel.client.media.LocalVideo;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.Peer;
import app.carrel.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One visit to a room: who is there with which media, and our own media. How the media is
 * carried is the {@link CallTransport}'s business. All state is owned by the engine thread; only
 * {@link #remoteMedia}, {@link #roomId} and {@link #selfId} may be read from any thread.
 */
final class RoomCall {

    private final CallListeners listeners;
    private final LocalMedia local;
    private final CallTransport transport;
    private final Map<String, Peer> peers = new LinkedHashMap<>();
    private final String roomId;
    private volatile String selfId;

    RoomCall(CallListeners listeners, LocalMedia local, CallTransport transport, ServerMessage.Joined joined) {
        this.listeners = listeners;
        this.local = local;
        this.transport = transport;
        this.roomId = joined.room().id();
        this.selfId = joined.self().id();
        for (Peer peer : joined.peers()) {
            peers.put(peer.id(), peer);
        }
        transport.start(joined.peers());
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

    CallTransport transport() {
        return transport;
    }

    List<Peer> peers() {
        return List.copyOf(peers.values());
    }

    RemoteMedia remoteMedia(String peerId) {
        return transport.remoteMedia(peerId);
    }

    ConnectionState connectionState(String peerId) {
        return transport.connectionState(peerId);
    }

    void onPeerJoined(Peer peer) {
        peers.put(peer.id(), peer);
        transport.peerJoined(peer);
        listeners.fire(l -> l.onPeerJoined(peer));
    }

    void onPeerLeft(String peerId) {
        peers.remove(peerId);
        transport.peerLeft(peerId);
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

    void onRelayed(ServerMessage message) {
        transport.onRelayed(message);
    }

    /** Screen started or stopped locally. */
    void updateScreen() {
        transport.screenChanged();
    }

    /** Another camera: the transport sends it, then the old one is freed. */
    void switchCamera(Supplier<LocalVideo> camera) {
        local.switchCamera(camera);
        transport.cameraChanged();
        local.disposeRetiredCamera();
    }

    /** Microphone switched. */
    void updateAudio() {
        transport.audioChanged();
    }

    /**
     * We came back after a signaling outage: drop peers who left meanwhile, learn who came, and
     * let the transport mend its connections (with a new id we are a fresh joiner).
     */
    void resumed(ServerMessage.Joined joined) {
        Set<String> present = joined.peers().stream().map(Peer::id).collect(Collectors.toSet());
        boolean fresh = !joined.self().id().equals(selfId);
        if (fresh) {
            selfId = joined.self().id();
        }
        for (String peerId : new ArrayList<>(peers.keySet())) {
            if (!present.contains(peerId)) {
                onPeerLeft(peerId);
            }
        }
        for (Peer peer : joined.peers()) {
            Peer before = peers.put(peer.id(), peer);
            if (before == null) {
                listeners.fire(l -> l.onPeerJoined(peer));
            } else {
                study(peer.id(), peer.goal(), peer.presence(), peer.checkIn());
            }
        }
        var self = joined.self();
        study(selfId, self.goal(), self.presence(), self.checkIn());
        transport.resumed(joined, fresh);
    }

    /**
     * A known participant's study fields (docs/protocol.md §13) as the server kept them through
     * our outage, said as if they had just changed: the goal, presence and check-in messages
     * sent meanwhile never reached us (a check-in cleared by a focus that started, say). The
     * peers kept here do not follow those messages, so every field is said, not a difference.
     */
    private void study(String id, String goal, app.carrel.protocol.Presence presence,
                       app.carrel.protocol.CheckInResult checkIn) {
        listeners.fire(l -> l.onGoal(id, goal));
        if (presence != null) {
            listeners.fire(l -> l.onPresence(id, presence));
        }
        listeners.fire(l -> l.onCheckedIn(id, checkIn));
    }

    CompletableFuture<PeerStats> stats(String peerId) {
        return transport.stats(peerId);
    }

    List<String> connectedPeerIds() {
        return transport.connectedPeerIds();
    }

    /** Closes every connection, then our media: connections must let go of our tracks first. */
    void close() {
        transport.close();
        local.close();
    }
}

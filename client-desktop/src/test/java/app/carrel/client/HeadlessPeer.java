package app.carrel.client;

import app.carrel.client.call.CallConfig;
import app.carrel.client.call.CallEngine;
import app.carrel.client.call.CallListener;
import app.carrel.client.call.JoinedRoom;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.MediaFactory;
import app.carrel.client.media.VideoFormat;
import app.carrel.protocol.CheckInResult;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.Peer;
import app.carrel.protocol.Presence;
import app.carrel.protocol.ServerMessage;
import java.awt.Color;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Another participant for UI tests: a real engine with a synthetic camera and headless audio,
 * recording what it hears (others' media flags, chat, timer) for the test to poll.
 */
final class HeadlessPeer implements CallListener, AutoCloseable {

    final String name;
    final CallEngine engine;
    final Map<String, MediaFlags> mediaByPeer = new ConcurrentHashMap<>();
    final Map<String, String> nameByPeer = new ConcurrentHashMap<>();
    final List<ServerMessage.Chat> chat = new CopyOnWriteArrayList<>();
    final List<ServerMessage.Timer> timers = new CopyOnWriteArrayList<>();
    // Study features (docs/protocol.md §13), by participant id; a cleared goal or mark is removed.
    final Map<String, String> goalByPeer = new ConcurrentHashMap<>();
    final Map<String, Presence> presenceByPeer = new ConcurrentHashMap<>();
    final Map<String, CheckInResult> checkInByPeer = new ConcurrentHashMap<>();
    final List<String> problems = new CopyOnWriteArrayList<>();

    HeadlessPeer(URI server, String name, int rgb) {
        this(server, name, rgb, false);
    }

    /** With {@code tone}, the peer "speaks": a synthetic microphone sends a tone in bursts. */
    HeadlessPeer(URI server, String name, int rgb, boolean tone) {
        this.name = name;
        CallConfig config = CallConfig.builder(server, name)
                .format(new VideoFormat(320, 240, 15))
                .syntheticColor(new Color(rgb))
                .build();
        AudioBackend audio = tone ? AudioBackend.synthetic("test tone") : new AudioBackend(AudioBackend.Kind.HEADLESS, "test");
        this.engine = new CallEngine(config, MediaFactory.create(audio));
        engine.addListener(this);
    }

    JoinedRoom join(String roomId) throws Exception {
        return engine.join(roomId, null).get(15, TimeUnit.SECONDS);
    }

    /** The media flags this peer last heard for the participant called {@code who}. */
    MediaFlags mediaOf(String who) {
        return nameByPeer.entrySet().stream().filter(e -> e.getValue().equals(who))
                .map(e -> mediaByPeer.get(e.getKey())).findFirst().orElse(null);
    }

    ServerMessage.Timer lastTimer() {
        return timers.isEmpty() ? null : timers.get(timers.size() - 1);
    }

    @Override
    public void onJoined(JoinedRoom joined) {
        joined.peers().forEach(this::onPeerJoined);
    }

    @Override
    public void onPeerJoined(Peer peer) {
        nameByPeer.put(peer.id(), peer.name());
        mediaByPeer.put(peer.id(), peer.media());
        onGoal(peer.id(), peer.goal());
        if (peer.presence() != null) {
            presenceByPeer.put(peer.id(), peer.presence());
        }
        onCheckedIn(peer.id(), peer.checkIn());
    }

    @Override
    public void onGoal(String participantId, String goal) {
        if (goal == null || goal.isEmpty()) {
            goalByPeer.remove(participantId);
        } else {
            goalByPeer.put(participantId, goal);
        }
    }

    @Override
    public void onPresence(String participantId, Presence presence) {
        presenceByPeer.put(participantId, presence);
    }

    @Override
    public void onCheckedIn(String participantId, CheckInResult result) {
        if (result == null) {
            checkInByPeer.remove(participantId);
        } else {
            checkInByPeer.put(participantId, result);
        }
    }

    @Override
    public void onProblem(String message) {
        problems.add(message);
    }

    /** The id of the participant this peer knows as {@code who}, or null. */
    String idOf(String who) {
        return nameByPeer.entrySet().stream().filter(e -> e.getValue().equals(who)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    @Override
    public void onPeerLeft(String peerId) {
        nameByPeer.remove(peerId);
        mediaByPeer.remove(peerId);
    }

    @Override
    public void onMediaState(String peerId, MediaFlags media) {
        mediaByPeer.put(peerId, media);
    }

    @Override
    public void onChat(ServerMessage.Chat message) {
        chat.add(message);
    }

    @Override
    public void onTimer(ServerMessage.Timer timer) {
        timers.add(timer);
    }

    @Override
    public void close() {
        engine.close();
    }
}

package app.carrel.client.call;

import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.Peer;
import app.carrel.protocol.Room;
import app.carrel.protocol.ServerMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Records an engine's events; tests take the next matching one with a time limit. */
final class EventRecorder implements CallListener {

    record Event(String kind, String peerId, Object value) {
    }

    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();

    @Override
    public void onState(CallState state) {
        events.add(new Event("state", null, state));
    }

    /** How far ahead the attempt was scheduled, as seen when it was announced. */
    record Retry(int attempt, java.time.Duration ahead) {
    }

    @Override
    public void onReconnecting(int attempt, java.time.Instant nextAttempt) {
        events.add(new Event("reconnecting", null, new Retry(attempt,
                java.time.Duration.between(java.time.Instant.now(), nextAttempt))));
    }

    @Override
    public void onRooms(List<Room> rooms) {
        events.add(new Event("rooms", null, rooms));
    }

    @Override
    public void onJoined(JoinedRoom joined) {
        events.add(new Event("joined", joined.selfId(), joined));
    }

    @Override
    public void onRoomEnded(String reason) {
        events.add(new Event("room-ended", null, reason));
    }

    @Override
    public void onRoomUpdated(Room room) {
        events.add(new Event("room-updated", null, room));
    }

    @Override
    public void onMuteRequested(String byName) {
        events.add(new Event("mute-requested", null, byName));
    }

    @Override
    public void onChat(ServerMessage.Chat chat) {
        events.add(new Event("chat", chat.from(), chat));
    }

    @Override
    public void onGoal(String participantId, String goal) {
        events.add(new Event("goal", participantId, goal));
    }

    @Override
    public void onCheckedIn(String participantId, app.carrel.protocol.CheckInResult result) {
        events.add(new Event("checked-in", participantId, result));
    }

    @Override
    public void onTimer(ServerMessage.Timer timer) {
        events.add(new Event("timer", null, timer));
    }

    @Override
    public void onPeerJoined(Peer peer) {
        events.add(new Event("peer-joined", peer.id(), peer));
    }

    @Override
    public void onPeerLeft(String peerId) {
        events.add(new Event("peer-left", peerId, null));
    }

    @Override
    public void onMediaState(String peerId, MediaFlags media) {
        events.add(new Event("media-state", peerId, media));
    }

    @Override
    public void onConnectionState(String peerId, ConnectionState state) {
        events.add(new Event("connection", peerId, state));
    }

    @Override
    public void onAudioLevel(String peerId, double level) {
        events.add(new Event("audio-level", peerId, level));
    }

    @Override
    public void onProblem(String message) {
        events.add(new Event("problem", null, message));
    }

    /** Takes every event recorded so far. */
    List<Event> drain() {
        List<Event> all = new ArrayList<>();
        events.drainTo(all);
        return all;
    }

    /**
     * The loudest level each peer reached while {@code clockPeerId}'s level was reported
     * {@code reports} times: the clock is a peer that keeps talking, so the window is real time
     * without a sleep. Levels are reported on change, so a silent peer may have no entry at all.
     */
    Map<String, Double> loudestLevels(String clockPeerId, int reports, Duration limit) throws InterruptedException {
        Map<String, Double> loudest = new HashMap<>();
        for (int seen = 0; seen < reports; ) {
            Event level = next("level reports", limit, e -> e.kind().equals("audio-level"));
            loudest.merge(level.peerId(), (double) level.value(), Math::max);
            if (level.peerId().equals(clockPeerId)) {
                seen++;
            }
        }
        return loudest;
    }

    /** Takes events until one matches; fails naming what was seen instead. */
    Event next(String what, Duration limit, Predicate<Event> matches) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        List<Event> seen = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("Timed out waiting for " + what + "; saw " + seen);
            }
            if (matches.test(event)) {
                return event;
            }
            seen.add(event);
        }
    }
}

package app.carrel.client.call;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns each participant's metered audio level, ours included (under our own id, for the self
 * tile), into onAudioLevel events: when it moved noticeably
 * since the last report, or reached (or left) silence, which a speaking indicator must not miss.
 * Owned by the engine thread, which polls it.
 */
final class AudioLevels {

    /** Below this level a participant counts as silent. */
    static final double SILENT = 0.01;
    private static final double STEP = 0.05;

    private final CallListeners listeners;
    private final Map<String, Double> reported = new HashMap<>();

    AudioLevels(CallListeners listeners) {
        this.listeners = listeners;
    }

    void poll(RoomCall room) {
        if (room == null) {
            reported.clear();
            return;
        }
        String selfId = room.selfId();
        reported.keySet().removeIf(id -> !id.equals(selfId) && !room.connectedPeerIds().contains(id));
        for (String peerId : room.connectedPeerIds()) {
            RemoteMedia remote = room.remoteMedia(peerId);
            report(peerId, remote == null ? 0 : remote.audioLevel());
        }
        report(selfId, room.local().audioLevel());
    }

    private void report(String id, double level) {
        Double last = reported.get(id);
        if (last == null || Math.abs(last - level) > STEP || (last < SILENT) != (level < SILENT)) {
            reported.put(id, level);
            listeners.fire(l -> l.onAudioLevel(id, level));
        }
    }
}

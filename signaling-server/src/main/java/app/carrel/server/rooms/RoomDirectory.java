package app.carrel.server.rooms;

import app.carrel.server.admin.ServerMetrics;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every room and seated participant, indexed so that no request scans: a relay finds its target
 * by participant id, a resume finds its participant by token hash.
 *
 * <p>All room state is owned by the rooms thread; nothing here is synchronized.
 */
public final class RoomDirectory {
    private final Map<String, LiveRoom> rooms = new LinkedHashMap<>();
    private final Map<String, Participant> participants = new HashMap<>();
    private final Map<String, Participant> byResumeHash = new HashMap<>();
    private final ServerMetrics metrics;

    public RoomDirectory(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    public void addRoom(LiveRoom room) {
        rooms.put(room.id(), room);
        metrics.rooms(rooms.size());
    }

    /** A deleted room; its participants are unseated before. */
    public void removeRoom(LiveRoom room) {
        rooms.remove(room.id());
        metrics.rooms(rooms.size());
    }

    public LiveRoom room(String id) {
        return rooms.get(id);
    }

    /** Rooms in creation order. */
    public Collection<LiveRoom> rooms() {
        return Collections.unmodifiableCollection(rooms.values());
    }

    public Participant participant(String id) {
        return participants.get(id);
    }

    public Participant byResumeHash(String hash) {
        return byResumeHash.get(hash);
    }

    public void seat(Participant p) {
        p.room().add(p);
        participants.put(p.id(), p);
        byResumeHash.put(p.resumeHash(), p);
        metrics.participants(participants.size());
    }

    public void unseat(Participant p) {
        p.room().remove(p);
        participants.remove(p.id());
        byResumeHash.remove(p.resumeHash());
        metrics.participants(participants.size());
    }

    /** The old token stops working the moment a new one is issued. */
    public void rekey(Participant p, String newHash) {
        byResumeHash.remove(p.resumeHash());
        p.resumeHash(newHash);
        byResumeHash.put(newHash, p);
    }
}

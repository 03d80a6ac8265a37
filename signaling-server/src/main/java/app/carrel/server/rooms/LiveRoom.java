package app.carrel.server.rooms;

import app.carrel.protocol.Room;
import app.carrel.protocol.TimerSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A room while the server runs: what it is and who is seated. Owned by the rooms thread. What the
 * features keep per room (chat, the timer) they keep themselves, by room id.
 */
public final class LiveRoom {
    private final String id;
    private String name;
    private int capacity;
    private String passwordHash;
    private final boolean hall;
    private final StudySettings study;
    /** The timer as the lobby shows it, null without one: written by {@code timer/} only. */
    private TimerSummary timer;
    /** SHA-256 of the owner token; null for a room made before owners existed. */
    private String ownerHash;
    /** The owner's "keep": never expired while empty. */
    private boolean keep;
    /** Epoch ms when the room last became empty; meaningless while someone is seated. */
    private long emptySince;
    private final Map<String, Participant> seated = new LinkedHashMap<>();

    public LiveRoom(String id, String name, int capacity, String passwordHash, boolean hall) {
        this(id, name, capacity, passwordHash, hall, StudySettings.NONE);
    }

    public LiveRoom(String id, String name, int capacity, String passwordHash, boolean hall, StudySettings study) {
        this.id = id;
        this.study = study;
        this.hall = hall;
        this.name = name;
        this.capacity = capacity;
        this.passwordHash = passwordHash;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public int capacity() {
        return capacity;
    }

    public boolean locked() {
        return passwordHash != null;
    }

    public String passwordHash() {
        return passwordHash;
    }

    /** Whether its media goes through the server's SFU (a study hall) rather than a mesh. */
    public boolean hall() {
        return hall;
    }

    public StudySettings study() {
        return study;
    }

    /** The timer package's: what the lobby shows of the room's timer (null: none). */
    public void timerSummary(TimerSummary summary) {
        this.timer = summary;
    }

    public boolean full() {
        return seated.size() >= capacity;
    }

    public Collection<Participant> seated() {
        return Collections.unmodifiableCollection(seated.values());
    }

    void add(Participant p) {
        seated.put(p.id(), p);
    }

    void remove(Participant p) {
        seated.remove(p.id());
    }

    /** Owners' changes; {@code owners/} checks them first. */
    public void rename(String name) {
        this.name = name;
    }

    public void capacity(int capacity) {
        this.capacity = capacity;
    }

    public void passwordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String ownerHash() {
        return ownerHash;
    }

    public void ownerHash(String ownerHash) {
        this.ownerHash = ownerHash;
    }

    public boolean keep() {
        return keep;
    }

    public void keep(boolean keep) {
        this.keep = keep;
    }

    public long emptySince() {
        return emptySince;
    }

    public void emptySince(long at) {
        this.emptySince = at;
    }

    /**
     * The room as the lobby and {@code joined} show it. A locked room names nobody: who sits behind
     * a password is not the lobby's business (docs/protocol.md §13).
     */
    public Room toRoom() {
        return new Room(id, name, seated.size(), capacity, locked(), hall, study.quiet(),
                study.longBreaks() ? study.longBreakEvery() : null,
                study.longBreaks() ? study.longBreakSeconds() : null, timer, shownNames());
    }

    private List<String> shownNames() {
        if (locked() || seated.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>(Math.min(Room.SHOWN_NAMES, seated.size()));
        for (Participant p : seated.values()) {
            if (names.size() == Room.SHOWN_NAMES) {
                break;
            }
            names.add(p.name());
        }
        return names;
    }
}

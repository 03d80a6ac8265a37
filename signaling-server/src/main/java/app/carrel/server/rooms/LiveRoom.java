package app.carrel.server.rooms;

import app.carrel.protocol.Room;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A room while the server runs: what it is and who is seated. Owned by the rooms thread. What the
 * features keep per room (chat, the timer) they keep themselves, by room id.
 */
public final class LiveRoom {
    private final String id;
    private final String name;
    private final int capacity;
    private final String passwordHash;
    private final boolean hall;
    private final Map<String, Participant> seated = new LinkedHashMap<>();

    public LiveRoom(String id, String name, int capacity, String passwordHash, boolean hall) {
        this.id = id;
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

    public Room toRoom() {
        return new Room(id, name, seated.size(), capacity, locked(), hall);
    }
}

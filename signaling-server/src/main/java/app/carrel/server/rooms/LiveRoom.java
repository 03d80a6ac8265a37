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
    private String name;
    private int capacity;
    private String passwordHash;
    private final boolean hall;
    /** SHA-256 of the owner token; null for a room made before owners existed. */
    private String ownerHash;
    /** The owner's "keep": never expired while empty. */
    private boolean keep;
    /** Epoch ms when the room last became empty; meaningless while someone is seated. */
    private long emptySince;
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

    public Room toRoom() {
        return new Room(id, name, seated.size(), capacity, locked(), hall);
    }
}

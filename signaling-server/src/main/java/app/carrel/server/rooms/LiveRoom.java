package app.carrel.server.rooms;

import app.carrel.protocol.Room;
import app.carrel.server.chat.ChatLog;
import app.carrel.server.timer.FocusTimer;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A room while the server runs: who is seated, recent chat, the timer. Owned by the rooms thread. */
public final class LiveRoom {
    private final String id;
    private final String name;
    private final int capacity;
    private final String passwordHash;
    private final Map<String, Participant> seated = new LinkedHashMap<>();
    private final ChatLog chat;
    private FocusTimer timer;
    /** Bumped on every timer change, so a stale "reached zero" task knows it is stale. */
    private int timerEpoch;

    public LiveRoom(String id, String name, int capacity, String passwordHash, ChatLog chat) {
        this.id = id;
        this.name = name;
        this.capacity = capacity;
        this.passwordHash = passwordHash;
        this.chat = chat;
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

    String passwordHash() {
        return passwordHash;
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

    public ChatLog chat() {
        return chat;
    }

    public FocusTimer timer() {
        return timer;
    }

    /** Replaces the timer and returns the new epoch. */
    public int timer(FocusTimer next) {
        this.timer = next;
        return ++timerEpoch;
    }

    public int timerEpoch() {
        return timerEpoch;
    }

    public Room toRoom() {
        return new Room(id, name, seated.size(), capacity, locked());
    }
}

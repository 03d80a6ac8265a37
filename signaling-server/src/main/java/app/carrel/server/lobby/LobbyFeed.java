package app.carrel.server.lobby;

import app.carrel.protocol.Room;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.rooms.Outbox;
import app.carrel.server.rooms.RoomDirectory;
import app.carrel.server.rooms.RoomsExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Pushes the room list to lobby subscribers whenever it changes. Bursts coalesce: the first change
 * after a quiet spell is pushed at once, later ones at most every {@link #MIN_GAP}, so a join storm
 * costs a few pushes rather than one per join per subscriber. Rooms thread only.
 */
public final class LobbyFeed {
    static final Duration MIN_GAP = Duration.ofMillis(50);

    private final RoomDirectory directory;
    private final Outbox outbox;
    private final RoomsExecutor executor;
    private final Set<Connection> subscribers = new LinkedHashSet<>();
    private boolean pushPending;
    private long lastPush = Long.MIN_VALUE / 2;

    public LobbyFeed(RoomDirectory directory, Outbox outbox, RoomsExecutor executor) {
        this.directory = directory;
        this.outbox = outbox;
        this.executor = executor;
    }

    public void subscribe(Connection c) {
        c.lobbySubscriber(true);
        subscribers.add(c);
    }

    public void unsubscribe(Connection c) {
        if (c.lobbySubscriber()) {
            c.lobbySubscriber(false);
            subscribers.remove(c);
        }
    }

    public List<Room> rooms() {
        List<Room> rooms = new ArrayList<>(directory.rooms().size());
        for (LiveRoom room : directory.rooms()) {
            rooms.add(room.toRoom());
        }
        return rooms;
    }

    /** The list or a count changed. */
    public void changed() {
        if (pushPending) {
            return;
        }
        pushPending = true;
        long wait = lastPush + MIN_GAP.toMillis() - executor.now();
        if (wait <= 0) {
            executor.execute(this::push);
        } else {
            executor.schedule(Duration.ofMillis(wait), this::push);
        }
    }

    private void push() {
        pushPending = false;
        lastPush = executor.now();
        if (subscribers.isEmpty()) {
            return;
        }
        String json = outbox.encode(new ServerMessage.Rooms(null, rooms()));
        for (Connection c : subscribers) {
            c.send(json);
        }
    }
}

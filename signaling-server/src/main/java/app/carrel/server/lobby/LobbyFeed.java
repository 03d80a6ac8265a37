package app.carrel.server.lobby;

import app.carrel.protocol.Room;
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
 * <p>
 * Lobby deltas: a subscriber that asked for them gets {@code room-added} / {@code room-changed} /
 * {@code room-removed} for the rooms that changed since the last push, each encoded once and the
 * same bytes sent to all of them, so a change costs O(subscribers), not O(rooms × subscribers).
 * v1 subscribers get the whole list, assembled from each room's kept JSON ({@link ShownRooms}) once
 * per push and the same bytes sent to all of them. Callers that know which room changed say so
 * ({@link #changed(LiveRoom)}); {@link #changed()} compares every room with what was shown.
 */
public final class LobbyFeed {
    static final Duration MIN_GAP = Duration.ofMillis(50);

    private final RoomDirectory directory;
    private final Outbox outbox;
    private final RoomsExecutor executor;
    private final Set<Connection> subscribers = new LinkedHashSet<>();
    /** Subscribers that asked for deltas; a connection is in one of the two sets, never both. */
    private final Set<Connection> deltaSubscribers = new LinkedHashSet<>();
    private final ShownRooms shown;
    /** Rooms changed since the last push, by id, in the order they changed. */
    private final Set<String> dirtyRooms = new LinkedHashSet<>();
    /** Some change did not say which room: compare them all at the next push. */
    private boolean rescan;
    /** False while nobody listens: then changes are not followed, and {@link #shown} is rebuilt on the next subscribe. */
    private boolean shownCurrent;
    private boolean pushPending;
    private long lastPush = Long.MIN_VALUE / 2;

    public LobbyFeed(RoomDirectory directory, Outbox outbox, RoomsExecutor executor) {
        this.directory = directory;
        this.outbox = outbox;
        this.executor = executor;
        this.shown = new ShownRooms(outbox);
    }

    public void subscribe(Connection c) {
        subscribe(c, false);
    }

    /** {@code deltas}: this subscriber gets room-added / room-changed / room-removed instead of whole lists. */
    public void subscribe(Connection c, boolean deltas) {
        if (!shownCurrent) {
            shown.reset(directory.rooms());
            dirtyRooms.clear();
            rescan = false;
            shownCurrent = true;
        }
        c.lobbySubscriber(true);
        (deltas ? deltaSubscribers : subscribers).add(c);
        (deltas ? subscribers : deltaSubscribers).remove(c);
    }

    public void unsubscribe(Connection c) {
        if (c.lobbySubscriber()) {
            c.lobbySubscriber(false);
            subscribers.remove(c);
            deltaSubscribers.remove(c);
        }
    }

    public List<Room> rooms() {
        List<Room> rooms = new ArrayList<>(directory.rooms().size());
        for (LiveRoom room : directory.rooms()) {
            rooms.add(room.toRoom());
        }
        return rooms;
    }

    /** This room was created, removed, or something the list shows about it changed. */
    public void changed(LiveRoom room) {
        dirtyRooms.add(room.id());
        schedulePush();
    }

    /** The list or a count changed, without saying which room: the next push compares them all. */
    public void changed() {
        rescan = true;
        schedulePush();
    }

    private void schedulePush() {
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
        if (subscribers.isEmpty() && deltaSubscribers.isEmpty()) {
            shownCurrent = false;
            dirtyRooms.clear();
            rescan = false;
            return;
        }
        List<byte[]> deltas = rescan ? rescanned() : updated();
        dirtyRooms.clear();
        rescan = false;
        if (deltas.isEmpty()) {
            return;
        }
        for (byte[] delta : deltas) {
            for (Connection c : deltaSubscribers) {
                c.sendEncoded(delta);
            }
        }
        if (!subscribers.isEmpty()) {
            byte[] list = shown.fullList();
            for (Connection c : subscribers) {
                c.sendEncoded(list);
            }
        }
    }

    /** Deltas for the rooms that said they changed. */
    private List<byte[]> updated() {
        List<byte[]> deltas = new ArrayList<>(dirtyRooms.size());
        for (String id : dirtyRooms) {
            add(deltas, shown.update(id, directory.room(id)));
        }
        return deltas;
    }

    /** Deltas for every room: each live one against what was shown, then those shown but gone. */
    private List<byte[]> rescanned() {
        List<byte[]> deltas = new ArrayList<>();
        for (LiveRoom room : directory.rooms()) {
            add(deltas, shown.update(room.id(), room));
        }
        for (String id : shown.ids()) {
            if (directory.room(id) == null) {
                add(deltas, shown.update(id, null));
            }
        }
        return deltas;
    }

    private static void add(List<byte[]> deltas, byte[] delta) {
        if (delta != null) {
            deltas.add(delta);
        }
    }
}

package app.carrel.server.timer;

import app.carrel.protocol.ServerMessage;
import app.carrel.server.rooms.LiveRoom;
import java.util.HashMap;
import java.util.Map;

/**
 * Every room's focus timer, by room id, with an epoch bumped on every change so that a stale
 * "reached zero" task knows it is stale. A room without an entry has no timer. Owned by the
 * rooms thread.
 */
public final class RoomTimers {
    private final Map<String, Slot> slots = new HashMap<>();

    private static final class Slot {
        FocusTimer timer;
        int epoch;
    }

    /** The room's timer, or null before anyone started one. */
    public FocusTimer current(LiveRoom room) {
        Slot slot = slots.get(room.id());
        return slot == null ? null : slot.timer;
    }

    /** What {@code joined.timer} says: null until someone starts a timer. */
    public ServerMessage.Timer toMessage(LiveRoom room, long now) {
        FocusTimer timer = current(room);
        return timer == null ? null : timer.toMessage(now);
    }

    /** The room was deleted; a pending "reached zero" finds no slot (epoch 0) and does nothing. */
    public void forget(LiveRoom room) {
        slots.remove(room.id());
    }

    /** Replaces the timer and returns the new epoch. */
    int replace(LiveRoom room, FocusTimer next) {
        Slot slot = slots.computeIfAbsent(room.id(), id -> new Slot());
        slot.timer = next;
        return ++slot.epoch;
    }

    /** Changes the timer without disarming its pending zero (only its round changed). */
    void amend(LiveRoom room, FocusTimer changed) {
        slots.get(room.id()).timer = changed;
    }

    int epoch(LiveRoom room) {
        Slot slot = slots.get(room.id());
        return slot == null ? 0 : slot.epoch;
    }
}

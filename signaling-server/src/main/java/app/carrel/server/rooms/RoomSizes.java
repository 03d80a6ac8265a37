package app.carrel.server.rooms;

import app.carrel.protocol.TextRules;

/**
 * Which room sizes this server hosts, and how: up to {@code meshMax} people a room is a mesh
 * (everyone sends to everyone); above it, with a Janus to carry it, a study hall. Without Janus
 * every room is a mesh and none may exceed {@link #MESH_LIMIT}, past which a mesh sender's uplink
 * no longer holds. Pure.
 */
public record RoomSizes(int maxCapacity, int meshMax, boolean halls) {

    /** The largest mesh anyone is offered: 7 outgoing streams per laptop is already a lot. */
    public static final int MESH_LIMIT = 8;
    /** The largest hall: the room view pages 50 tiles, and one VideoRoom forwards 50 publishers. */
    public static final int HALL_LIMIT = 50;

    public RoomSizes {
        if (maxCapacity < TextRules.MIN_CAPACITY || maxCapacity > HALL_LIMIT) {
            throw new IllegalArgumentException("maxCapacity must be " + TextRules.MIN_CAPACITY + "-" + HALL_LIMIT
                    + ", was " + maxCapacity);
        }
        if (meshMax < 1 || meshMax > MESH_LIMIT) {
            throw new IllegalArgumentException("meshMax must be 1-" + MESH_LIMIT + ", was " + meshMax);
        }
    }

    /** The largest room {@code create-room} accepts here (and its default). */
    public int largest() {
        return halls ? maxCapacity : Math.min(maxCapacity, MESH_LIMIT);
    }

    /** Whether a room of this capacity is a study hall. */
    public boolean hall(int capacity) {
        return halls && capacity > meshMax;
    }

    /** Why a capacity is refused, for people. */
    public String refusal(Object requested) {
        String range = "Capacity must be " + TextRules.MIN_CAPACITY + "-" + largest() + ", was " + requested;
        if (!halls && maxCapacity > MESH_LIMIT) {
            return range + ": rooms above " + MESH_LIMIT + " are study halls, which need a Janus media server"
                    + " this server does not have";
        }
        return range;
    }
}

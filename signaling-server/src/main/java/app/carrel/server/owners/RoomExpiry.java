package app.carrel.server.owners;

import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.rooms.RoomDirectory;
import app.carrel.server.rooms.RoomsExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes rooms that stayed empty for the room TTL (--room-ttl), unless their owner chose to keep
 * them. Looks every {@code every} (and once at start, so rooms that expired while the server was
 * down go at once); time is the rooms executor's clock, which tests move by hand. Rooms thread only.
 */
public final class RoomExpiry {
    private static final Logger LOG = LoggerFactory.getLogger(RoomExpiry.class);

    private final RoomDirectory directory;
    private final RoomDeletion deletion;
    private final RoomsExecutor executor;
    private final Duration ttl;
    private final Duration every;

    public RoomExpiry(RoomDirectory directory, RoomDeletion deletion, RoomsExecutor executor, Duration ttl,
                      Duration every) {
        this.directory = directory;
        this.deletion = deletion;
        this.executor = executor;
        this.ttl = ttl;
        this.every = every;
    }

    /** Sweeps now and then every {@code every}; on the rooms thread. */
    public void start() {
        sweep();
        executor.schedule(every, this::start);
    }

    /** Deletes every expired room; returns how many. */
    public int sweep() {
        long now = executor.now();
        List<LiveRoom> expired = new ArrayList<>();
        for (LiveRoom room : directory.rooms()) {
            if (!room.keep() && room.seated().isEmpty() && now - room.emptySince() >= ttl.toMillis()) {
                expired.add(room);
            }
        }
        for (LiveRoom room : expired) {
            LOG.info("Room {} '{}' expired: empty since {} (room TTL {} days), deleted", room.id(), room.name(),
                    Instant.ofEpochMilli(room.emptySince()), ttl.toDays());
            deletion.delete(room, RoomDeletion.EXPIRED, RoomDeletion.EXPIRED, null);
        }
        return expired.size();
    }
}

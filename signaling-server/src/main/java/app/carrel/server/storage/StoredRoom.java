package app.carrel.server.storage;

/**
 * A room as persisted; {@code passwordHash} is null for an unlocked room, {@code ownerHash} for a
 * room made before owners existed. {@code emptySince} (epoch ms) is null while someone sits in it.
 * {@code quiet}, {@code longBreakEvery} and {@code longBreakSeconds} are its study settings.
 */
public record StoredRoom(String uuid, String name, int capacity, String passwordHash, long createdAt,
                         String ownerHash, boolean keep, Long emptySince,
                         boolean quiet, int longBreakEvery, int longBreakSeconds) {

    /** A room without study settings (not quiet, no long breaks). */
    public StoredRoom(String uuid, String name, int capacity, String passwordHash, long createdAt,
                      String ownerHash, boolean keep, Long emptySince) {
        this(uuid, name, capacity, passwordHash, createdAt, ownerHash, keep, emptySince, false, 0, 0);
    }

    /** A room without an owner, empty since it was made. */
    public StoredRoom(String uuid, String name, int capacity, String passwordHash, long createdAt) {
        this(uuid, name, capacity, passwordHash, createdAt, null, false, createdAt);
    }
}

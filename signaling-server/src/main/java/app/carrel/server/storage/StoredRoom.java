package app.carrel.server.storage;

/**
 * A room as persisted; {@code passwordHash} is null for an unlocked room, {@code ownerHash} for a
 * room made before owners existed. {@code emptySince} (epoch ms) is null while someone sits in it.
 */
public record StoredRoom(String uuid, String name, int capacity, String passwordHash, long createdAt,
                         String ownerHash, boolean keep, Long emptySince) {

    /** A room without an owner, empty since it was made. */
    public StoredRoom(String uuid, String name, int capacity, String passwordHash, long createdAt) {
        this(uuid, name, capacity, passwordHash, createdAt, null, false, createdAt);
    }
}

package app.carrel.server.storage;

/** A room as persisted; {@code passwordHash} is null for an unlocked room. */
public record StoredRoom(String uuid, String name, int capacity, String passwordHash, long createdAt) {
}

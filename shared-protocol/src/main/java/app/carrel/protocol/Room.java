package app.carrel.protocol;

/** A room as the lobby and {@code joined} show it; {@code locked} means it has a password. */
public record Room(String id, String name, int participants, int capacity, boolean locked) {
}

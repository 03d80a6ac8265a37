package app.carrel.server.storage;

/** One persisted chat line. */
public record StoredChat(String roomUuid, long seq, String participantUuid, String name, String text, long at) {
}

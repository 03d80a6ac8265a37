package app.carrel.server.storage;

import app.carrel.protocol.MediaFlags;

/** A participant still seated when the database was last written. */
public record StoredParticipant(String uuid, String roomUuid, String name, MediaFlags media,
                                String resumeHash, long joinedAt) {
}

package app.carrel.server.storage;

import app.carrel.protocol.CheckInResult;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.Presence;

/**
 * A participant still seated when the database was last written. {@code joinedAt} is its seat's
 * "since"; {@code goal}, {@code presence} and {@code checkIn} its study state (null: none, and
 * focus for presence).
 */
public record StoredParticipant(String uuid, String roomUuid, String name, MediaFlags media,
                                String resumeHash, long joinedAt, String goal, Presence presence,
                                CheckInResult checkIn) {

    /** A new seat: no goal or check-in yet, focusing. */
    public StoredParticipant(String uuid, String roomUuid, String name, MediaFlags media, String resumeHash,
                             long joinedAt) {
        this(uuid, roomUuid, name, media, resumeHash, joinedAt, null, null, null);
    }
}

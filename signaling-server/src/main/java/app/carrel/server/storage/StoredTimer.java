package app.carrel.server.storage;

import app.carrel.protocol.TimerPhase;

/**
 * A room's focus timer: {@code endsAt} while running, {@code remaining} seconds while not.
 * {@code byName} is the display name of {@code by}; {@code round} the focus phases run to their
 * end in the room's session.
 */
public record StoredTimer(String roomUuid, TimerPhase phase, int seconds, boolean running, Long endsAt,
                          int remaining, String by, String byName, int round) {

    public StoredTimer(String roomUuid, TimerPhase phase, int seconds, boolean running, Long endsAt,
                       int remaining, String by) {
        this(roomUuid, phase, seconds, running, endsAt, remaining, by, null, 0);
    }
}

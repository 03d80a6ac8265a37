package app.carrel.server.storage;

import app.carrel.protocol.TimerPhase;

/** A room's focus timer: {@code endsAt} while running, {@code remaining} seconds while not. */
public record StoredTimer(String roomUuid, TimerPhase phase, int seconds, boolean running, Long endsAt,
                          int remaining, String by) {
}

package app.carrel.protocol;

/**
 * Study features: a room's focus timer as the lobby shows it ({@code Room.timer}).
 * {@code endsAt} is epoch milliseconds, {@code null} while not running; {@code remaining} is
 * whole seconds left (rounded up) when the room last changed. A lobby counts down from
 * {@code endsAt} while running.
 */
public record TimerSummary(TimerPhase phase, boolean running, Long endsAt, int remaining) {
}

package app.carrel.client.room;

import app.carrel.protocol.CheckInResult;
import java.time.Instant;

/**
 * What a person answered at the end of a focus phase. Only {@code result} ever leaves this
 * computer, and only when {@code shared}; the note is theirs. Handed to whoever listens on
 * {@link RoomModel#onCheckIn} (the local focus history stores it), whether shared or not.
 *
 * @param roomId   the room's id on its server
 * @param roomName the room's name when the phase ended
 * @param goal     the goal the person had declared then ("" for none)
 * @param note     what they wrote, stripped ("" for nothing)
 * @param at       when they answered
 */
public record CheckIn(CheckInResult result, String note, boolean shared, String roomId, String roomName, String goal,
                      Instant at) {
}

package app.carrel.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a {@code timer} request does to the room's focus timer. */
public enum TimerAction {
    @JsonProperty("start") START,
    @JsonProperty("pause") PAUSE,
    @JsonProperty("resume") RESUME,
    @JsonProperty("reset") RESET
}

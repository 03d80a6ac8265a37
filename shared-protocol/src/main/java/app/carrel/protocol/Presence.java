package app.carrel.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Study features: what a participant says it is doing. Set by {@code set-presence}; a seat starts
 * at {@link #FOCUS}.
 */
public enum Presence {
    @JsonProperty("focus") FOCUS,
    @JsonProperty("break") BREAK,
    @JsonProperty("away") AWAY
}

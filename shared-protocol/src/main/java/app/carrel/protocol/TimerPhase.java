package app.carrel.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kind of interval the focus timer is counting. */
public enum TimerPhase {
    @JsonProperty("focus") FOCUS,
    @JsonProperty("break") BREAK
}

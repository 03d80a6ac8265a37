package app.carrel.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The kind of interval the focus timer is counting. {@link #LONG_BREAK} is a study-features
 * extension: only clients that joined with {@code "study":true} see it; everyone else is told
 * {@code break} ({@link #forV1()}).
 */
public enum TimerPhase {
    @JsonProperty("focus") FOCUS,
    @JsonProperty("break") BREAK,
    @JsonProperty("long-break") LONG_BREAK;

    /** The phase as a client without study features may be told it: a long break is a break. */
    public TimerPhase forV1() {
        return this == LONG_BREAK ? BREAK : this;
    }

    public boolean isBreak() {
        return this != FOCUS;
    }
}

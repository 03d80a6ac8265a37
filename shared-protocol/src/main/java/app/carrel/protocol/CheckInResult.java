package app.carrel.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Study features: how the focus phase that just ended went, as the person chose to share it
 * ({@code check-in}). A private note never leaves the person's computer.
 */
public enum CheckInResult {
    @JsonProperty("done") DONE,
    @JsonProperty("partly") PARTLY,
    @JsonProperty("not-yet") NOT_YET
}

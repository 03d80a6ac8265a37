package app.carrel.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The joiner itself, as {@code joined} names it. The study fields are as in {@link Peer}: after a
 * resume they bring back the goal, presence, seat time and check-in the server kept.
 */
public record Self(String id, String name,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String goal,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Presence presence,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Long since,
                   @JsonInclude(JsonInclude.Include.NON_NULL) CheckInResult checkIn) {

    @JsonCreator
    public Self {
    }

    public Self(String id, String name) {
        this(id, name, null, null, null, null);
    }
}

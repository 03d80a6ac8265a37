package app.carrel.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A room as the lobby and {@code joined} show it; {@code locked} means it has a password,
 * {@code hall} that its media goes through the server's SFU (Janus) instead of a mesh. v1
 * clients ignore {@code hall} (written only when true, so a mesh room reads exactly as in v1) and are refused at {@code join} ({@code hall-unsupported}).
 */
public record Room(String id, String name, int participants, int capacity, boolean locked,
                   @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean hall) {

    @JsonCreator
    public Room {
    }

    /** A mesh room. */
    public Room(String id, String name, int participants, int capacity, boolean locked) {
        this(id, name, participants, capacity, locked, false);
    }
}

package app.carrel.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A room as the lobby and {@code joined} show it; {@code locked} means it has a password,
 * {@code hall} that its media goes through the server's SFU (Janus) instead of a mesh. v1
 * clients ignore {@code hall} (written only when true, so a mesh room reads exactly as in v1) and are refused at {@code join} ({@code hall-unsupported}).
 */
public record Room(String id, String name, int participants, int capacity, boolean locked,
                   @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean hall) {

    /** Decoding: a v1 server's room has no {@code hall} field, which means a mesh room. */
    @JsonCreator
    static Room decode(@JsonProperty("id") String id, @JsonProperty("name") String name,
                       @JsonProperty("participants") int participants, @JsonProperty("capacity") int capacity,
                       @JsonProperty("locked") boolean locked, @JsonProperty("hall") Boolean hall) {
        return new Room(id, name, participants, capacity, locked, Boolean.TRUE.equals(hall));
    }

    /** A mesh room. */
    public Room(String id, String name, int participants, int capacity, boolean locked) {
        this(id, name, participants, capacity, locked, false);
    }
}

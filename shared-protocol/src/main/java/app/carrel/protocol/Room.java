package app.carrel.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A room as the lobby and {@code joined} show it; {@code locked} means it has a password,
 * {@code hall} that its media goes through the server's SFU (Janus) instead of a mesh. v1
 * clients ignore {@code hall} (written only when true, so a mesh room reads exactly as in v1) and are refused at {@code join} ({@code hall-unsupported}).
 *
 * <p>Study features (fields v1 clients ignore): {@code quiet} (written only when true) means
 * nobody's microphone is on; {@code longBreakEvery} / {@code longBreakSeconds} (written only when
 * the room has long breaks) say after how many focus phases a long break is offered and how long
 * it is; {@code timer} is the room's timer at a glance (absent when the room has none);
 * {@code names} the display names of the first five seated, in seat order (written by a server
 * with study features, also when empty).
 */
public record Room(String id, String name, int participants, int capacity, boolean locked,
                   @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean hall,
                   @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean quiet,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Integer longBreakEvery,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Integer longBreakSeconds,
                   @JsonInclude(JsonInclude.Include.NON_NULL) TimerSummary timer,
                   @JsonInclude(JsonInclude.Include.NON_NULL) List<String> names) {

    /** How many names {@code names} carries at most. */
    public static final int SHOWN_NAMES = 5;

    public Room {
        names = names == null ? null : List.copyOf(names);
    }

    /** Decoding: a v1 server's room has no {@code hall} field, which means a mesh room. */
    @JsonCreator
    static Room decode(@JsonProperty("id") String id, @JsonProperty("name") String name,
                       @JsonProperty("participants") int participants, @JsonProperty("capacity") int capacity,
                       @JsonProperty("locked") boolean locked, @JsonProperty("hall") Boolean hall,
                       @JsonProperty("quiet") Boolean quiet,
                       @JsonProperty("longBreakEvery") Integer longBreakEvery,
                       @JsonProperty("longBreakSeconds") Integer longBreakSeconds,
                       @JsonProperty("timer") TimerSummary timer,
                       @JsonProperty("names") List<String> names) {
        return new Room(id, name, participants, capacity, locked, Boolean.TRUE.equals(hall),
                Boolean.TRUE.equals(quiet), longBreakEvery, longBreakSeconds, timer, names);
    }

    /** A mesh room as v1 describes it. */
    public Room(String id, String name, int participants, int capacity, boolean locked) {
        this(id, name, participants, capacity, locked, false);
    }

    /** A room as the halls extension describes it, without study fields. */
    public Room(String id, String name, int participants, int capacity, boolean locked, boolean hall) {
        this(id, name, participants, capacity, locked, hall, false, null, null, null, null);
    }

    /** The long-break interval in focus phases, 0 when the room has no long breaks. */
    public int longBreakInterval() {
        return longBreakEvery == null ? 0 : longBreakEvery;
    }
}

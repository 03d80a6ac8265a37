package app.carrel.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Another participant in the room, with its media flags. The study fields (an extension, v1
 * clients ignore them) are written only when set: {@code goal} its session goal, {@code presence}
 * what it says it is doing, {@code since} the epoch millisecond it took its seat (kept across a
 * resume), {@code checkIn} its shared check-in for the focus phase that ended last. A server with
 * study features always writes {@code presence} and {@code since}; a v1 server writes none.
 */
public record Peer(String id, String name, boolean audio, boolean video, boolean screen,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String goal,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Presence presence,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Long since,
                   @JsonInclude(JsonInclude.Include.NON_NULL) CheckInResult checkIn) {

    @JsonCreator
    public Peer {
    }

    /** A peer as a v1 server describes it: media flags only. */
    public Peer(String id, String name, boolean audio, boolean video, boolean screen) {
        this(id, name, audio, video, screen, null, null, null, null);
    }

    public Peer withMedia(MediaFlags flags) {
        return new Peer(id, name, flags.audio(), flags.video(), flags.screen(), goal, presence, since, checkIn);
    }

    public Peer withGoal(String newGoal) {
        return new Peer(id, name, audio, video, screen, newGoal, presence, since, checkIn);
    }

    public Peer withPresence(Presence newPresence) {
        return new Peer(id, name, audio, video, screen, goal, newPresence, since, checkIn);
    }

    public Peer withCheckIn(CheckInResult newCheckIn) {
        return new Peer(id, name, audio, video, screen, goal, presence, since, newCheckIn);
    }

    public MediaFlags media() {
        return new MediaFlags(audio, video, screen);
    }

    /** What the peer is doing; a peer from a server without study features counts as focusing. */
    public Presence presenceOrFocus() {
        return presence == null ? Presence.FOCUS : presence;
    }
}

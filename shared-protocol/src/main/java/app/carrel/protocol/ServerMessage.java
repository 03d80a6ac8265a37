package app.carrel.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * Everything the server sends. {@code id} fields echo a request's id and are left out of the JSON
 * when {@code null}; every other field is always written ({@code "timer":null} is meaningful).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ServerMessage.Welcome.class, name = "welcome"),
        @JsonSubTypes.Type(value = ServerMessage.Rooms.class, name = "rooms"),
        @JsonSubTypes.Type(value = ServerMessage.RoomCreated.class, name = "room-created"),
        @JsonSubTypes.Type(value = ServerMessage.Joined.class, name = "joined"),
        @JsonSubTypes.Type(value = ServerMessage.PeerJoined.class, name = "peer-joined"),
        @JsonSubTypes.Type(value = ServerMessage.PeerLeft.class, name = "peer-left"),
        @JsonSubTypes.Type(value = ServerMessage.Left.class, name = "left"),
        @JsonSubTypes.Type(value = ServerMessage.Offer.class, name = "offer"),
        @JsonSubTypes.Type(value = ServerMessage.Answer.class, name = "answer"),
        @JsonSubTypes.Type(value = ServerMessage.Ice.class, name = "ice"),
        @JsonSubTypes.Type(value = ServerMessage.MediaState.class, name = "media-state"),
        @JsonSubTypes.Type(value = ServerMessage.Chat.class, name = "chat"),
        @JsonSubTypes.Type(value = ServerMessage.Timer.class, name = "timer"),
        @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
        @JsonSubTypes.Type(value = ServerMessage.SfuPublished.class, name = "sfu-published"),
        @JsonSubTypes.Type(value = ServerMessage.SfuOffer.class, name = "sfu-offer"),
        @JsonSubTypes.Type(value = ServerMessage.SfuRestart.class, name = "sfu-restart"),
        @JsonSubTypes.Type(value = ServerMessage.JoinCodeAccepted.class, name = "join-code-accepted"),
        @JsonSubTypes.Type(value = ServerMessage.RoomUpdated.class, name = "room-updated"),
        @JsonSubTypes.Type(value = ServerMessage.RoomDeleted.class, name = "room-deleted"),
        @JsonSubTypes.Type(value = ServerMessage.ParticipantRemoved.class, name = "participant-removed"),
        @JsonSubTypes.Type(value = ServerMessage.Removed.class, name = "removed"),
        @JsonSubTypes.Type(value = ServerMessage.MuteAsked.class, name = "mute-asked"),
        @JsonSubTypes.Type(value = ServerMessage.MuteRequest.class, name = "mute-request"),
        @JsonSubTypes.Type(value = ServerMessage.RoomAdded.class, name = "room-added"),
        @JsonSubTypes.Type(value = ServerMessage.RoomChanged.class, name = "room-changed"),
        @JsonSubTypes.Type(value = ServerMessage.RoomRemoved.class, name = "room-removed"),
        @JsonSubTypes.Type(value = ServerMessage.GoalChanged.class, name = "goal"),
        @JsonSubTypes.Type(value = ServerMessage.PresenceChanged.class, name = "presence"),
        @JsonSubTypes.Type(value = ServerMessage.CheckedIn.class, name = "checked-in"),
})
public sealed interface ServerMessage {

    /**
     * {@code joinCode}: true when this server wants its join code before anything else (an
     * extension: written only then, so a server without a code greets exactly as in v1).
     */
    record Welcome(int protocol, String server,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Boolean joinCode) implements ServerMessage {
        @JsonCreator
        public Welcome {
        }

        public Welcome(int protocol, String server) {
            this(protocol, server, null);
        }

        public boolean joinCodeRequired() {
            return Boolean.TRUE.equals(joinCode);
        }
    }

    record Rooms(@JsonInclude(JsonInclude.Include.NON_NULL) String id, List<Room> rooms)
            implements ServerMessage {
        public Rooms {
            rooms = List.copyOf(rooms);
        }
    }

    /**
     * {@code owner} is the room's owner token, handed to its creator only, once (v1 clients
     * ignore it); the server keeps only its hash.
     */
    record RoomCreated(@JsonInclude(JsonInclude.Include.NON_NULL) String id, Room room,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String owner)
            implements ServerMessage {
        @JsonCreator
        public RoomCreated {
        }

        public RoomCreated(String id, Room room) {
            this(id, room, null);
        }
    }

    record Joined(@JsonInclude(JsonInclude.Include.NON_NULL) String id,
                  Room room,
                  Self self,
                  String resume,
                  List<Peer> peers,
                  List<IceServer> iceServers,
                  List<Chat> chat,
                  Timer timer) implements ServerMessage {
        public Joined {
            peers = List.copyOf(peers);
            iceServers = List.copyOf(iceServers);
            chat = List.copyOf(chat);
        }
    }

    record PeerJoined(Peer peer) implements ServerMessage {
    }

    /** {@code peer} is the id of the participant who left. */
    record PeerLeft(String peer) implements ServerMessage {
    }

    record Left(@JsonInclude(JsonInclude.Include.NON_NULL) String id) implements ServerMessage {
    }

    record Offer(String from, String sdp) implements ServerMessage {
    }

    record Answer(String from, String sdp) implements ServerMessage {
    }

    record Ice(String from, IceCandidate candidate) implements ServerMessage {
    }

    record MediaState(String from, boolean audio, boolean video, boolean screen) implements ServerMessage {
        public MediaFlags media() {
            return new MediaFlags(audio, video, screen);
        }
    }

    /** A chat line; {@code at} is epoch milliseconds, {@code seq} increases per room. */
    record Chat(@JsonInclude(JsonInclude.Include.NON_NULL) String id,
                String from, String name, String text, long at, long seq) implements ServerMessage {
        public Chat withId(String requestId) {
            return new Chat(requestId, from, name, text, at, seq);
        }
    }

    /**
     * The room's focus timer. {@code remaining} is whole seconds (rounded up); {@code endsAt} is
     * epoch milliseconds, {@code null} while not running. {@code by} is who acted last.
     * Study features (fields v1 clients ignore): {@code byName} is that participant's display
     * name ({@code null} if none), {@code round} how many focus phases have run to their end since
     * the room's session began. A client without study features is never sent
     * {@link TimerPhase#LONG_BREAK}: see {@link #forV1()}.
     */
    record Timer(@JsonInclude(JsonInclude.Include.NON_NULL) String id,
                 TimerPhase phase, boolean running, int seconds, Long endsAt, int remaining, String by,
                 String byName, int round)
            implements ServerMessage {
        /** Decoding: a server without study features writes neither {@code byName} nor {@code round}. */
        @JsonCreator
        static Timer decode(@JsonProperty("id") String id, @JsonProperty("phase") TimerPhase phase,
                            @JsonProperty("running") boolean running, @JsonProperty("seconds") int seconds,
                            @JsonProperty("endsAt") Long endsAt, @JsonProperty("remaining") int remaining,
                            @JsonProperty("by") String by, @JsonProperty("byName") String byName,
                            @JsonProperty("round") Integer round) {
            return new Timer(id, phase, running, seconds, endsAt, remaining, by, byName, round == null ? 0 : round);
        }

        public Timer(String id, TimerPhase phase, boolean running, int seconds, Long endsAt, int remaining,
                     String by) {
            this(id, phase, running, seconds, endsAt, remaining, by, null, 0);
        }

        public Timer withId(String requestId) {
            return new Timer(requestId, phase, running, seconds, endsAt, remaining, by, byName, round);
        }

        /** This timer as a client without study features may see it: a long break is a break. */
        public Timer forV1() {
            return phase == TimerPhase.LONG_BREAK
                    ? new Timer(id, TimerPhase.BREAK, running, seconds, endsAt, remaining, by, byName, round)
                    : this;
        }

        /** The lobby's glance at this timer. */
        public TimerSummary summary() {
            return new TimerSummary(phase, running, endsAt, remaining);
        }
    }

    record Error(@JsonInclude(JsonInclude.Include.NON_NULL) String id, ErrorCode code, String message)
            implements ServerMessage {
    }

    /** Halls: the SFU's answer to our {@code sfu-publish}; carries that request's id. */
    record SfuPublished(@JsonInclude(JsonInclude.Include.NON_NULL) String id, String sdp)
            implements ServerMessage {
    }

    /**
     * Halls: the SFU offers our subscriber connection a new set of streams (answer with
     * {@code sfu-answer}); {@code streams} says whose each m-line is.
     */
    record SfuOffer(String sdp, List<SfuStream> streams) implements ServerMessage {
        public SfuOffer {
            streams = List.copyOf(streams);
        }
    }

    /**
     * Halls: the room moved to another SFU instance (the old one was lost). Close both peer
     * connections and publish again; a new {@code sfu-offer} follows for what we view.
     */
    record SfuRestart(String reason) implements ServerMessage {
    }

    /** The join code was right: this connection may now use the server. Carries the request's id. */
    record JoinCodeAccepted(@JsonInclude(JsonInclude.Include.NON_NULL) String id) implements ServerMessage {
    }

    /**
     * Owners: a room's name, capacity, password or keep setting changed. The owner's answer to
     * {@code update-room} (with its {@code id} and {@code keep}); members who joined with
     * {@code "moderation":true} get it too, without {@code id} and {@code keep}. {@code by} is
     * who changed it: a participant id, {@code "owner"} or {@code "admin"}.
     */
    record RoomUpdated(@JsonInclude(JsonInclude.Include.NON_NULL) String id, Room room,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Boolean keep, String by)
            implements ServerMessage {
    }

    /**
     * Owners: the room is gone ({@code reason}: {@code owner}, {@code admin} or {@code expired}).
     * The owner's answer to {@code delete-room} carries its {@code id}; members who joined with
     * {@code "moderation":true} get it without, and are back in the lobby.
     */
    record RoomDeleted(@JsonInclude(JsonInclude.Include.NON_NULL) String id, String room, String reason,
                       String by, String byName) implements ServerMessage {
    }

    /** Owners: the answer to {@code remove-participant}; {@code until} is epoch ms. */
    record ParticipantRemoved(@JsonInclude(JsonInclude.Include.NON_NULL) String id, String peer, long until)
            implements ServerMessage {
    }

    /**
     * To the removed participant (it joined with {@code "moderation":true}): out of the room,
     * back in the lobby, its resume token dead; rejoining is refused until {@code until} (epoch
     * ms). {@code byName} is the owner's display name when the owner sits in the room, else null.
     */
    record Removed(String room, String by, String byName, long until) implements ServerMessage {
    }

    /** Owners: the answer to {@code ask-mute}; {@code delivered} is false for a v1 client. */
    record MuteAsked(@JsonInclude(JsonInclude.Include.NON_NULL) String id, String peer, boolean delivered)
            implements ServerMessage {
    }

    /** To a participant the owner asked to mute; {@code byName} as in {@link Removed}. */
    record MuteRequest(String by, String byName) implements ServerMessage {
    }

    /*
     * Lobby deltas: only to a connection that sent list-rooms with "deltas": true, after its one
     * full list. Each carries the room's whole state, so applying one twice is harmless: a client
     * puts an added or changed room by id and ignores the removal of an id it does not have.
     */

    /** Lobby deltas: a room was created. */
    record RoomAdded(Room room) implements ServerMessage {
    }

    /** Lobby deltas: something the list shows changed (the participant count, say). */
    record RoomChanged(Room room) implements ServerMessage {
    }

    /** Lobby deltas: the room with this id is gone. */
    record RoomRemoved(String room) implements ServerMessage {
    }

    /*
     * Study features: only to members that joined with "study": true, in the sender's room. The
     * sender's own copy carries its request's id.
     */

    /** Study features: {@code participant}'s session goal is now {@code goal} ({@code null}: none). */
    record GoalChanged(@JsonInclude(JsonInclude.Include.NON_NULL) String id, String participant, String goal)
            implements ServerMessage {
    }

    /** Study features: {@code participant} is now focusing, on a break or away. */
    record PresenceChanged(@JsonInclude(JsonInclude.Include.NON_NULL) String id, String participant,
                           Presence presence) implements ServerMessage {
    }

    /**
     * Study features: {@code participant} shared how its last focus phase went; {@code result}
     * {@code null} clears its mark (the server sends that when a new focus phase starts).
     */
    record CheckedIn(@JsonInclude(JsonInclude.Include.NON_NULL) String id, String participant,
                     CheckInResult result) implements ServerMessage {
    }
}

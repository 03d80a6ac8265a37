package app.carrel.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigInteger;
import java.util.List;

/**
 * Everything a client may send. A client cannot express {@code from}: the server stamps it.
 * Optional fields are boxed and {@code null} when absent; {@link Codec} rejects a message whose
 * required fields are missing, so handlers may rely on them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ClientMessage.ListRooms.class, name = "list-rooms"),
        @JsonSubTypes.Type(value = ClientMessage.CreateRoom.class, name = "create-room"),
        @JsonSubTypes.Type(value = ClientMessage.Join.class, name = "join"),
        @JsonSubTypes.Type(value = ClientMessage.Leave.class, name = "leave"),
        @JsonSubTypes.Type(value = ClientMessage.Offer.class, name = "offer"),
        @JsonSubTypes.Type(value = ClientMessage.Answer.class, name = "answer"),
        @JsonSubTypes.Type(value = ClientMessage.Ice.class, name = "ice"),
        @JsonSubTypes.Type(value = ClientMessage.MediaState.class, name = "media-state"),
        @JsonSubTypes.Type(value = ClientMessage.Chat.class, name = "chat"),
        @JsonSubTypes.Type(value = ClientMessage.Timer.class, name = "timer"),
        @JsonSubTypes.Type(value = ClientMessage.SfuPublish.class, name = "sfu-publish"),
        @JsonSubTypes.Type(value = ClientMessage.SfuAnswer.class, name = "sfu-answer"),
        @JsonSubTypes.Type(value = ClientMessage.SfuIce.class, name = "sfu-ice"),
        @JsonSubTypes.Type(value = ClientMessage.SfuView.class, name = "sfu-view"),
        @JsonSubTypes.Type(value = ClientMessage.JoinCode.class, name = "join-code"),
        @JsonSubTypes.Type(value = ClientMessage.UpdateRoom.class, name = "update-room"),
        @JsonSubTypes.Type(value = ClientMessage.DeleteRoom.class, name = "delete-room"),
        @JsonSubTypes.Type(value = ClientMessage.RemoveParticipant.class, name = "remove-participant"),
        @JsonSubTypes.Type(value = ClientMessage.AskMute.class, name = "ask-mute"),
        @JsonSubTypes.Type(value = ClientMessage.SetGoal.class, name = "set-goal"),
        @JsonSubTypes.Type(value = ClientMessage.SetPresence.class, name = "set-presence"),
        @JsonSubTypes.Type(value = ClientMessage.CheckIn.class, name = "check-in"),
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ClientMessage {

    /** The request id the server echoes in its direct answer, or {@code null}. */
    String id();

    /** Names the first required field that is missing, or {@code null} when all are there. */
    default String missingField() {
        return null;
    }

    /**
     * {@code deltas}: after the one full list, send this connection {@code room-added} /
     * {@code room-changed} / {@code room-removed} instead of the whole list on each change (the
     * lobby-deltas extension); v1 clients leave it out and get whole lists.
     */
    record ListRooms(String id, Boolean deltas) implements ClientMessage {
        @JsonCreator
        public ListRooms {
        }

        public ListRooms(String id) {
            this(id, null);
        }

        public boolean wantsDeltas() {
            return Boolean.TRUE.equals(deltas);
        }
    }

    /**
     * {@code capacity} is a {@link BigInteger} because the contract answers any JSON integer out
     * of range, even one beyond {@code long}, with {@code invalid-capacity} rather than
     * {@code bad-request}.
     *
     * <p>Study features: {@code quiet} makes a room where no microphone is on (enforced by the
     * server); {@code longBreakEvery} (2-8, 0 or absent: none) and {@code longBreakSeconds}
     * (60-3600, absent: 900) give the room a long break after that many focus phases.
     */
    record CreateRoom(String id, String name, BigInteger capacity, String password,
                      Boolean quiet, Integer longBreakEvery, Integer longBreakSeconds) implements ClientMessage {
        @JsonCreator
        public CreateRoom {
        }

        public CreateRoom(String id, String name, BigInteger capacity, String password) {
            this(id, name, capacity, password, null, null, null);
        }

        public CreateRoom(String id, String name, Integer capacity, String password) {
            this(id, name, capacity == null ? null : BigInteger.valueOf(capacity), password);
        }

        public CreateRoom(String id, String name, Integer capacity, String password,
                          Boolean quiet, Integer longBreakEvery, Integer longBreakSeconds) {
            this(id, name, capacity == null ? null : BigInteger.valueOf(capacity), password,
                    quiet, longBreakEvery, longBreakSeconds);
        }

        public boolean quietRoom() {
            return Boolean.TRUE.equals(quiet);
        }

        @Override
        public String missingField() {
            return name == null ? "name" : null;
        }
    }

    /**
     * {@code halls}: this client can take part in halls (SFU rooms); {@code moderation}: it wants
     * the owner and moderation messages ({@code room-updated}, {@code room-deleted},
     * {@code removed}, {@code mute-request}); {@code study}: it wants the study messages
     * ({@code goal}, {@code presence}, {@code checked-in}) and the {@code long-break} phase, and
     * {@code goal} is its session goal to start with (0-140 characters once stripped). v1 clients
     * leave all of them out.
     */
    record Join(String id, String room, String name, String password, String resume,
                Boolean audio, Boolean video, Boolean screen, Boolean halls, Boolean moderation,
                Boolean study, String goal)
            implements ClientMessage {
        @JsonCreator
        public Join {
        }

        public Join(String id, String room, String name, String password, String resume,
                    Boolean audio, Boolean video, Boolean screen, Boolean halls, Boolean moderation) {
            this(id, room, name, password, resume, audio, video, screen, halls, moderation, null, null);
        }

        public Join(String id, String room, String name, String password, String resume,
                    Boolean audio, Boolean video, Boolean screen, Boolean halls) {
            this(id, room, name, password, resume, audio, video, screen, halls, null);
        }

        public boolean takesStudy() {
            return Boolean.TRUE.equals(study);
        }

        public boolean takesModeration() {
            return Boolean.TRUE.equals(moderation);
        }

        public Join(String id, String room, String name) {
            this(id, room, name, null, null, null, null, null, null);
        }

        public Join(String id, String room, String name, String password, String resume,
                    Boolean audio, Boolean video, Boolean screen) {
            this(id, room, name, password, resume, audio, video, screen, null);
        }

        public boolean takesHalls() {
            return Boolean.TRUE.equals(halls);
        }

        @Override
        public String missingField() {
            return room == null ? "room" : name == null ? "name" : null;
        }

        /** The joiner's initial media, defaults filled in. */
        public MediaFlags media() {
            return MediaFlags.JOIN_DEFAULT.with(audio, video, screen);
        }
    }

    record Leave(String id) implements ClientMessage {
    }

    record Offer(String id, String to, String sdp) implements ClientMessage {
        @Override
        public String missingField() {
            return to == null ? "to" : sdp == null ? "sdp" : null;
        }
    }

    record Answer(String id, String to, String sdp) implements ClientMessage {
        @Override
        public String missingField() {
            return to == null ? "to" : sdp == null ? "sdp" : null;
        }
    }

    record Ice(String id, String to, IceCandidate candidate) implements ClientMessage {
        @Override
        public String missingField() {
            if (to == null) {
                return "to";
            }
            return candidate == null || candidate.candidate() == null ? "candidate.candidate" : null;
        }
    }

    record MediaState(String id, Boolean audio, Boolean video, Boolean screen) implements ClientMessage {
    }

    record Chat(String id, String text) implements ClientMessage {
        @Override
        public String missingField() {
            return text == null ? "text" : null;
        }
    }

    record Timer(String id, TimerAction action, TimerPhase phase, Integer seconds) implements ClientMessage {
        @Override
        public String missingField() {
            if (action == null) {
                return "action";
            }
            if (action == TimerAction.START) {
                return phase == null ? "phase" : seconds == null ? "seconds" : null;
            }
            return null;
        }
    }

    /**
     * Halls: our publisher's offer (first publish, or a renegotiation such as a screen share).
     * {@code screenMid} names the m-line that carries the screen, if any.
     */
    record SfuPublish(String id, String sdp, String screenMid) implements ClientMessage {
        @Override
        public String missingField() {
            return sdp == null ? "sdp" : null;
        }
    }

    /** Halls: our answer to the subscriber offer the server sent last ({@code sfu-offer}). */
    record SfuAnswer(String id, String sdp) implements ClientMessage {
        @Override
        public String missingField() {
            return sdp == null ? "sdp" : null;
        }
    }

    /** Halls: one of our ICE candidates, for the publisher or the subscriber connection. */
    record SfuIce(String id, SfuPc pc, IceCandidate candidate) implements ClientMessage {
        @Override
        public String missingField() {
            if (pc == null) {
                return "pc";
            }
            return candidate == null || candidate.candidate() == null ? "candidate.candidate" : null;
        }
    }

    /**
     * Halls: whose video we show now (the rest is not sent to us); audio comes from everyone.
     * {@code layer} is the simulcast layer that fits our tiles: 0 the smallest, 2 the full picture
     * (absent: keep the last one, at first 2). {@code large} names the shown peers whose tile is
     * large (the stage: a pinned tile or a shared screen): their video comes in the full layer
     * whatever {@code layer} says (absent: none).
     */
    record SfuView(String id, List<String> peers, Integer layer, List<String> large) implements ClientMessage {
        public SfuView {
            peers = peers == null ? null : List.copyOf(peers);
            large = large == null ? List.of() : List.copyOf(large);
        }

        public SfuView(String id, List<String> peers, Integer layer) {
            this(id, peers, layer, null);
        }

        public SfuView(String id, List<String> peers) {
            this(id, peers, null, null);
        }

        @Override
        public String missingField() {
            return peers == null ? "peers" : null;
        }
    }

    /**
     * The server's join code, sent once per connection to a server whose {@code welcome} says
     * {@code "joinCode":true}; answered with {@code join-code-accepted} or {@code wrong-join-code}.
     */
    record JoinCode(String id, String code) implements ClientMessage {
        @Override
        public String missingField() {
            return code == null ? "code" : null;
        }

        @Override
        public String toString() {
            return "JoinCode[id=" + id + ", code=(hidden)]"; // never in a log
        }
    }

    /**
     * Owners: changes a room, proven by the owner token {@code room-created} handed out. Absent
     * fields stay as they are; an empty {@code password} removes the password; {@code keep}
     * exempts the room from the server's expiry of empty rooms. Answered by {@code room-updated}.
     */
    record UpdateRoom(String id, String room, String owner, String name, BigInteger capacity, String password,
                      Boolean keep) implements ClientMessage {
        public UpdateRoom(String id, String room, String owner, String name, Integer capacity, String password,
                          Boolean keep) {
            this(id, room, owner, name, capacity == null ? null : BigInteger.valueOf(capacity), password, keep);
        }

        @Override
        public String missingField() {
            return room == null ? "room" : owner == null ? "owner" : null;
        }
    }

    /** Owners: deletes a room; everyone in it is told and returned to the lobby. */
    record DeleteRoom(String id, String room, String owner) implements ClientMessage {
        @Override
        public String missingField() {
            return room == null ? "room" : owner == null ? "owner" : null;
        }
    }

    /**
     * Owners: removes participant {@code peer} from the room and refuses its resume token and
     * this connection's rejoining for {@code minutes} (0-1440; absent: 10).
     */
    record RemoveParticipant(String id, String room, String owner, String peer, Integer minutes)
            implements ClientMessage {
        @Override
        public String missingField() {
            return room == null ? "room" : owner == null ? "owner" : peer == null ? "peer" : null;
        }
    }

    /** Owners: asks participant {@code peer} to mute its microphone; a request, not a command. */
    record AskMute(String id, String room, String owner, String peer) implements ClientMessage {
        @Override
        public String missingField() {
            return room == null ? "room" : owner == null ? "owner" : peer == null ? "peer" : null;
        }
    }

    /**
     * Study features: sets this participant's session goal (0-140 characters once stripped;
     * empty clears it). Answered by {@code goal} to everyone in the room who takes study messages.
     */
    record SetGoal(String id, String goal) implements ClientMessage {
        @Override
        public String missingField() {
            return goal == null ? "goal" : null;
        }
    }

    /** Study features: says whether this participant is focusing, on a break or away. */
    record SetPresence(String id, Presence presence) implements ClientMessage {
        @Override
        public String missingField() {
            return presence == null ? "presence" : null;
        }
    }

    /**
     * Study features: shares how the focus phase that just ended went. Sent only when the person
     * chose to share it; a private note stays on the person's computer.
     */
    record CheckIn(String id, CheckInResult result) implements ClientMessage {
        @Override
        public String missingField() {
            return result == null ? "result" : null;
        }
    }
}

package app.carrel.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigInteger;

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
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ClientMessage {

    /** The request id the server echoes in its direct answer, or {@code null}. */
    String id();

    /** Names the first required field that is missing, or {@code null} when all are there. */
    default String missingField() {
        return null;
    }

    record ListRooms(String id) implements ClientMessage {
    }

    /**
     * {@code capacity} is a {@link BigInteger} because the contract answers any JSON integer out
     * of range, even one beyond {@code long}, with {@code invalid-capacity} rather than
     * {@code bad-request}.
     */
    record CreateRoom(String id, String name, BigInteger capacity, String password) implements ClientMessage {
        public CreateRoom(String id, String name, Integer capacity, String password) {
            this(id, name, capacity == null ? null : BigInteger.valueOf(capacity), password);
        }

        @Override
        public String missingField() {
            return name == null ? "name" : null;
        }
    }

    record Join(String id, String room, String name, String password, String resume,
                Boolean audio, Boolean video, Boolean screen) implements ClientMessage {
        public Join(String id, String room, String name) {
            this(id, room, name, null, null, null, null, null);
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
}

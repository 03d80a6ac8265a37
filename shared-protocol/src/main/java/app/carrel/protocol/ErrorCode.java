package app.carrel.protocol;

import com.fasterxml.jackson.annotation.JsonValue;

/** The {@code code} of an {@code error}: for programs, where {@code message} is for people. */
public enum ErrorCode {
    BAD_REQUEST("bad-request"),
    ROOM_NOT_FOUND("room-not-found"),
    ROOM_FULL("room-full"),
    WRONG_PASSWORD("wrong-password"),
    ALREADY_JOINED("already-joined"),
    NOT_IN_ROOM("not-in-room"),
    PEER_NOT_FOUND("peer-not-found"),
    INVALID_NAME("invalid-name"),
    INVALID_ROOM_NAME("invalid-room-name"),
    INVALID_CAPACITY("invalid-capacity"),
    INVALID_CHAT("invalid-chat"),
    RATE_LIMITED("rate-limited"),
    /** A client that did not say {@code "halls":true} on {@code join} tried to enter a hall. */
    HALL_UNSUPPORTED("hall-unsupported"),
    /** The hall's media server could not be reached or refused; try again. */
    HALL_UNAVAILABLE("hall-unavailable"),
    /** An owner action without the room's owner token (or with a wrong one). */
    NOT_OWNER("not-owner"),
    /** A join refused: the owner removed this participant (its token or connection) for a while. */
    REMOVED("removed"),
    /** Said to a v1 client (no {@code moderation} opt-in) whose room its owner or the server deleted. */
    ROOM_DELETED("room-deleted"),
    SERVER_ERROR("server-error");

    private final String wire;

    ErrorCode(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}

package app.carrel.protocol;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
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
    /** This address has as many connections open as the server allows one address; then closed 1008. */
    TOO_MANY_CONNECTIONS("too-many-connections"),
    /** This address created as many rooms in the last hour as the server allows. */
    TOO_MANY_ROOM_CREATIONS("too-many-room-creations"),
    /** Rooms created by this address that still exist reached the server's limit. */
    TOO_MANY_ROOMS("too-many-rooms"),
    /** The server has a join code and this connection has not given it ({@code join-code}). */
    JOIN_CODE_REQUIRED("join-code-required"),
    /** The {@code join-code} given is not the server's. */
    WRONG_JOIN_CODE("wrong-join-code"),
    /** Too many wrong join codes from this address lately; attempts are refused for a while. */
    TOO_MANY_JOIN_CODE_ATTEMPTS("too-many-join-code-attempts"),
    /** An owner action without the room's owner token (or with a wrong one). */
    NOT_OWNER("not-owner"),
    /** A join refused: the owner removed this participant (its token or connection) for a while. */
    REMOVED("removed"),
    /** Said to a v1 client (no {@code moderation} opt-in) whose room its owner or the server deleted. */
    ROOM_DELETED("room-deleted"),
    /** Study features: a session goal over 140 characters, or with control characters. */
    INVALID_GOAL("invalid-goal"),
    /** Study features: a microphone turned on in a quiet room. */
    ROOM_QUIET("room-quiet"),
    SERVER_ERROR("server-error"),
    /**
     * Read only: a code this build does not know, from a newer server (extensions add codes).
     * The request failed all the same, and the error's {@code message} says why; decoding it
     * as an error keeps a waiting request from running into its timeout instead.
     */
    @JsonEnumDefaultValue
    UNKNOWN("unknown");

    private final String wire;

    ErrorCode(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}

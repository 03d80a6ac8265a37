package app.carrel.client.call;

/** Where a {@link CallEngine} is; listeners hear every change, tests wait on them. */
public enum CallState {
    /** Not connected to a server. */
    IDLE,
    /** Opening the signaling connection. */
    CONNECTING,
    /** Connected, in the lobby (not in a room). */
    LOBBY,
    /** A join is on its way. */
    JOINING,
    /** In a room; peer connections come and go. */
    IN_CALL,
    /** The signaling socket dropped; media keeps flowing while we rejoin with the resume token. */
    RECONNECTING,
    /** Leaving the room. */
    LEAVING,
    /** Disposed: every native object is freed. Terminal. */
    CLOSED
}

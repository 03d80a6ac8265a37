package app.carrel.server.rooms;

/**
 * The sending half of one WebSocket, as room logic sees it. {@code socket.SocketOutlet} implements it
 * over Java-WebSocket; unit tests record what goes through it. All methods are thread-safe and
 * never block.
 */
public interface Outlet {

    /** Queues one text message; false when the socket is no longer open. */
    boolean send(String text);

    /** Starts a close handshake with this code. */
    void close(int code, String reason);

    void ping();

    /** Drops a connection that stopped answering, without a handshake it could not finish. */
    void abort(String reason);
}

package app.carrel.server.rooms;

import java.nio.charset.StandardCharsets;

/**
 * The sending half of one WebSocket, as room logic sees it. {@code socket.SocketOutlet} implements it
 * over Java-WebSocket; unit tests record what goes through it. All methods are thread-safe and
 * never block.
 */
public interface Outlet {

    /** Queues one text message; false when the socket is no longer open. */
    boolean send(String text);

    /**
     * Queues one text message already encoded as UTF-8 JSON, the same array handed to every
     * receiver of a broadcast (the lobby's pushes): never modified after this call, by either side.
     */
    default boolean sendEncoded(byte[] utf8) {
        return send(new String(utf8, StandardCharsets.UTF_8));
    }

    /** Starts a close handshake with this code. */
    void close(int code, String reason);

    void ping();

    /** Drops a connection that stopped answering, without a handshake it could not finish. */
    void abort(String reason);
}

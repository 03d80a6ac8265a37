package app.carrel.client.lobby;

import app.carrel.protocol.Room;
import java.net.URI;
import javax.net.ssl.SSLContext;

/**
 * Someone chose a room in the lobby: where, which, as whom, with which password (or null), and
 * the certificates a wss:// server may present (null: the JVM's trust store), so the call
 * trusts the same server the lobby did, and the server's join code (null: it has none).
 */
public record JoinRequest(URI server, String serverAddress, Room room, String name, String password,
                          SSLContext trust, String joinCode) {

    public JoinRequest(URI server, String serverAddress, Room room, String name, String password, SSLContext trust) {
        this(server, serverAddress, room, name, password, trust, null);
    }
}

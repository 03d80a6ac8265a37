package app.carrel.client.lobby;

import app.carrel.protocol.Room;
import java.net.URI;

/** Someone chose a room in the lobby: where, which, as whom, with which password (or null). */
public record JoinRequest(URI server, String serverAddress, Room room, String name, String password) {
}

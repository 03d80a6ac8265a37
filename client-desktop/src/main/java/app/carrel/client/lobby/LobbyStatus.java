package app.carrel.client.lobby;

import app.carrel.client.status.StatusModel;

/**
 * The status banner as far as the lobby speaks for it: only while no room (or pre-join) has
 * taken it over, since then that room's engine speaks for it. FX thread.
 */
final class LobbyStatus {

    private final StatusModel status;
    private boolean owned = true;

    LobbyStatus(StatusModel status) {
        this.status = status;
    }

    void suspend() {
        owned = false;
    }

    void resume() {
        owned = true;
    }

    void connecting(String server) {
        if (owned) {
            status.connecting(server);
        }
    }

    void connected(String server) {
        if (owned) {
            status.connected(server);
        }
    }

    void offline(String reason) {
        if (owned) {
            status.offline(reason);
        }
    }
}

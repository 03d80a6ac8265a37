package app.carrel.client.call;

import dev.onvoid.webrtc.RTCPeerConnectionState;
import java.util.Locale;

/**
 * The state of our connection to one participant, in the engine's own words: the one vocabulary
 * listeners, stats and the UI share, so webrtc-java's enum stays inside the engine.
 */
public enum ConnectionState {
    NEW,
    CONNECTING,
    CONNECTED,
    DISCONNECTED,
    FAILED,
    CLOSED;

    /** Lower case, as a tooltip or a bot report shows it ("connected"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The connection is (or was) lost: the tile's dot turns red. */
    public boolean broken() {
        return this == DISCONNECTED || this == FAILED || this == CLOSED;
    }

    static ConnectionState of(RTCPeerConnectionState state) {
        return switch (state) {
            case NEW -> NEW;
            case CONNECTING -> CONNECTING;
            case CONNECTED -> CONNECTED;
            case DISCONNECTED -> DISCONNECTED;
            case FAILED -> FAILED;
            case CLOSED -> CLOSED;
        };
    }
}

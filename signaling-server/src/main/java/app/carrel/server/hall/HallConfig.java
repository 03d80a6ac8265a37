package app.carrel.server.hall;

import java.net.URI;
import java.util.List;

/**
 * How the server reaches its Janus instances: their WebSocket API addresses, and the one secret
 * that is both Janus's {@code api_secret} and the VideoRoom {@code admin_key} (null when Janus
 * runs without them). {@code bitrate} caps each publisher (bits/s, sent to it by REMB).
 */
public record HallConfig(List<URI> janus, String secret, int bitrate) {

    /** 600 kbps: a 640×360 camera at 15–30 fps, so 16 subscribed tiles stay under ~10 Mbps down. */
    public static final int DEFAULT_BITRATE = 600_000;

    public HallConfig {
        janus = List.copyOf(janus);
    }

    public static HallConfig none() {
        return new HallConfig(List.of(), null, DEFAULT_BITRATE);
    }
}

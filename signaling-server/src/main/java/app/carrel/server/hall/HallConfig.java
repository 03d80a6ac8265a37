package app.carrel.server.hall;

import java.net.URI;
import java.util.List;

/**
 * How the server reaches its Janus instances: their WebSocket API addresses, and the one secret
 * that is both Janus's {@code api_secret} and the VideoRoom {@code admin_key} (null when Janus
 * runs without them). {@code bitrate} caps each publisher (bits/s, sent to it by REMB).
 */
public record HallConfig(List<URI> janus, String secret, int bitrate) {

    /**
     * 600 kbit/s per publisher (Janus tells it by REMB): a 640×480 camera at 15–30 fps looks fine
     * at that rate, and a 4×4 page of tiles stays under 10 Mbit/s down. One layer for all (see the
     * client's SimulcastLayers for why not simulcast yet).
     */
    public static final int DEFAULT_BITRATE = 600_000;

    public HallConfig {
        janus = List.copyOf(janus);
    }

    public static HallConfig none() {
        return new HallConfig(List.of(), null, DEFAULT_BITRATE);
    }
}

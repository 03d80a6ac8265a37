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
     * 800 kbit/s per publisher (Janus tells it by REMB), shared by its simulcast layers: a
     * 640×480 camera sends its half layer at about 200 kbit/s and the full one at the rest
     * (measured ~530 kbit/s), which looks fine in a tile of its own. A page of tiles gets the half
     * layers, so a 4×4 page stays near 3 Mbit/s down; a camera under 360 lines sends one layer.
     */
    public static final int DEFAULT_BITRATE = 800_000;

    public HallConfig {
        janus = List.copyOf(janus);
    }

    public static HallConfig none() {
        return new HallConfig(List.of(), null, DEFAULT_BITRATE);
    }
}

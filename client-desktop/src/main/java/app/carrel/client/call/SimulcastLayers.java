package app.carrel.client.call;

/**
 * Which simulcast layer fits our tiles in a hall, asked of the server with {@code sfu-view}: the
 * server gives each video the nearest layer its publisher sends. Carrel's own publishers send one
 * layer today: simulcast negotiates on webrtc-java 0.14 (no {@code rid} field, but libwebrtc names
 * encodings given at {@code addTransceiver} itself: {@code a=rid:0..2}, {@code a=simulcast:send
 * 0;1;2}; Janus accepts it and switches a subscriber between the layers that arrive), yet the
 * full-size layer of a 640×480 camera never went out within 30 s here (two or three layers,
 * HallCallTest's trial in docs/benchmarks.md), so subscribers would have had half pictures at best.
 * Pure.
 */
final class SimulcastLayers {

    private SimulcastLayers() {
    }

    /**
     * The layer that fits {@code tiles} video tiles, 0 smallest to 2 full (the server takes the
     * nearest a publisher has): one (a pinned or lone tile) gets the full picture, up to six share
     * the half-size one (a 3×2 page in a 1280-wide window is ~420 px per tile), more the smallest.
     */
    static int forTiles(int tiles) {
        if (tiles <= 1) {
            return 2;
        }
        return tiles <= 6 ? 1 : 0;
    }
}

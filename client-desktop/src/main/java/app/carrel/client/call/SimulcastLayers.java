package app.carrel.client.call;

import java.util.List;

/**
 * Simulcast in a hall: which layers our camera publishes, and which layer fits our tiles (asked of
 * the server with {@code sfu-view}; the server gives each video the nearest layer its publisher
 * sends). webrtc-java 0.14 has no {@code rid}, but libwebrtc names the encodings given at
 * {@code addTransceiver} itself ({@code a=rid:0..}, {@code a=simulcast:send 0;1}), smallest first,
 * which the server tells Janus ({@code rid_order: "lmh"}).
 * <p>
 * How many layers follows libwebrtc's own simulcast table: a 640x480 camera gets two (half and
 * full), 720 lines and more three, anything smaller one. Asking for more does not add a layer at
 * the top: libwebrtc keeps the lowest ones, so three layers at 640x480 sent a quarter and a half
 * picture and never the full one (measured: docs/benchmarks.md, "Simulcast"). Pure.
 */
final class SimulcastLayers {

    private SimulcastLayers() {
    }

    /**
     * The encodings our camera publishes for a camera of {@code height} lines, as resolution
     * divisors smallest picture first; empty: one layer, no simulcast.
     */
    static List<Double> scalesFor(int height) {
        if (height >= 720) {
            return List.of(4.0, 2.0, 1.0);
        }
        return height >= 360 ? List.of(2.0, 1.0) : List.of();
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

package app.carrel.server.hall;

import app.carrel.protocol.StreamKind;

/**
 * One stream a hall member publishes: the m-line's {@code mid} in its offer, what it carries, and
 * in how many simulcast layers (1 without simulcast).
 */
record PublishedStream(String mid, StreamKind kind, int layers) {

    PublishedStream(String mid, StreamKind kind) {
        this(mid, kind, 1);
    }

    /**
     * The Janus substream for a wanted layer (0 smallest … 2 full), counted from the top: a
     * two-layer camera (half, full) gives its full picture for 2 and its half for 1 or 0.
     */
    int substream(int wanted) {
        return Math.max(0, layers - 1 - (2 - wanted));
    }
}

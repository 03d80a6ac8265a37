package app.carrel.client.bot;

import app.carrel.client.call.Traffic;

/**
 * What one bot has sent since it joined, over all its connections (mesh or hall), from the
 * engine's traffic samples. A closed connection takes its count with it (a peer who left, a hall
 * that moved), so a total that went down banks the one before; bytes sent after our last sample
 * on a connection that then closed are missed. Used by the bot's main thread only.
 */
final class Uplink {

    private long startNanos = System.nanoTime();
    private long last;
    private long banked;

    /** The run starts when the bot is in the room. */
    void joined() {
        startNanos = System.nanoTime();
    }

    void sample(Traffic traffic) {
        if (traffic.sent() < last) {
            banked += last;
        }
        last = traffic.sent();
    }

    long bytesSent() {
        return banked + last;
    }

    /** Average kbit/s since the bot joined. */
    long kbps() {
        long nanos = System.nanoTime() - startNanos;
        return nanos <= 0 ? 0 : bytesSent() * 8 * 1_000_000 / nanos;
    }
}

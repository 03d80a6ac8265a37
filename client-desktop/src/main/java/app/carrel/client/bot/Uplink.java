package app.carrel.client.bot;

import app.carrel.client.call.PeerStats;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one bot has sent since it joined, summed over all its connections, from the byte counts
 * in each stats sample. A connection's count starts again from zero when it is made anew (a peer
 * who rejoins), so a count that went down banks the old one; bytes a peer took after our last
 * sample and before it left are missed. Used by the bot's main thread only.
 */
final class Uplink {

    private long startNanos = System.nanoTime();
    private final Map<String, Long> lastByPeer = new HashMap<>();
    private long banked;

    /** The run starts when the bot is in the room. */
    void joined() {
        startNanos = System.nanoTime();
    }

    void sample(List<PeerStats> stats) {
        for (PeerStats s : stats) {
            Long last = lastByPeer.put(s.peerId(), s.bytesSent());
            if (last != null && s.bytesSent() < last) {
                banked += last;
            }
        }
    }

    long bytesSent() {
        return banked + lastByPeer.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Average kbit/s since the bot joined. */
    long kbps() {
        long nanos = System.nanoTime() - startNanos;
        return nanos <= 0 ? 0 : bytesSent() * 8 * 1_000_000 / nanos;
    }
}

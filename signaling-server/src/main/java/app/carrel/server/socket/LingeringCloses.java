package app.carrel.server.socket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes plain connections the way RFC 6455 asks (section 7.1.1): our side is shut down at once,
 * after the close frame, but the socket is read until the client has closed its side too (or
 * {@link #LINGER_NANOS} passed), and only then closed. Java-WebSocket closes the socket right after
 * writing its close frame; when the client was still sending (a message over the 64 KiB cap), the
 * unread bytes made the kernel answer with a reset, and the client could lose the close frame and
 * see 1006 instead of 1009 (FuzzContractTest, about one run in fifteen).
 * <p>
 * Thread-safe: channels are added by whichever thread closes a connection, and drained by the
 * socket housekeeping timer.
 */
final class LingeringCloses {
    private static final Logger LOG = LoggerFactory.getLogger(LingeringCloses.class);
    static final long LINGER_NANOS = 2_000_000_000L;

    private record Lingering(SocketChannel socket, long deadline) {
    }

    /** Guarded by itself. */
    private final List<Lingering> lingering = new ArrayList<>();
    private final ByteBuffer discard = ByteBuffer.allocate(16 * 1024);
    private boolean stopped;

    /** Shuts our side down and keeps the socket until the client closes; closes at once when stopped. */
    void close(SocketChannel socket) throws IOException {
        synchronized (lingering) {
            if (!stopped && socket.isConnected()) {
                try {
                    socket.shutdownOutput();
                    lingering.add(new Lingering(socket, System.nanoTime() + LINGER_NANOS));
                    return;
                } catch (IOException e) {
                    LOG.debug("Could not half-close {}: {}", socket, e.toString());
                }
            }
        }
        socket.close();
    }

    /** Timer thread: reads and drops what clients still send; closes those that are done or out of time. */
    void drain() {
        synchronized (lingering) {
            long now = System.nanoTime();
            for (Iterator<Lingering> it = lingering.iterator(); it.hasNext(); ) {
                Lingering l = it.next();
                if (finished(l.socket()) || now - l.deadline() > 0) {
                    quietlyClose(l.socket());
                    it.remove();
                }
            }
        }
    }

    /** At shutdown: closes every lingering socket now, and any later one at once. */
    void closeAll() {
        synchronized (lingering) {
            stopped = true;
            lingering.forEach(l -> quietlyClose(l.socket()));
            lingering.clear();
        }
    }

    int size() {
        synchronized (lingering) {
            return lingering.size();
        }
    }

    /** True once the client has closed its side (or the socket failed); holds the lock. */
    private boolean finished(SocketChannel socket) {
        try {
            int read;
            do {
                discard.clear();
                read = socket.read(discard);
            } while (read > 0);
            return read < 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static void quietlyClose(SocketChannel socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing {} failed: {}", socket, e.toString());
        }
    }
}

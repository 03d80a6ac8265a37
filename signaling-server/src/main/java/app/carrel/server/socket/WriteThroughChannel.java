package app.carrel.server.socket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WrappedByteChannel;

/**
 * A plain connection's socket as Java-WebSocket sees it, plus a way for our outlets to write
 * ready frames straight to it ({@link #offer}) instead of queueing them for the selector thread.
 * <p>
 * Why: Java-WebSocket leaves a connection's key in its selected-key set after the selector has
 * written to it, and walks that whole set on every wake-up, so each message cost more the more
 * connections had recently been sent something (docs/benchmarks.md, "scaling"); and each queued
 * write was a selector wake-up and a thread hand-off. Written through, output never asks the
 * selector for a write turn unless the socket's send buffer is full.
 * <p>
 * Order on the wire: our {@code backlog} (what the socket did not take from a direct write) goes
 * first, then the library's queue ({@link WebSocketImpl#outQueue}: handshake, close, pong, and
 * our frames whenever it was not empty). Everything that writes to the socket holds this
 * channel's lock, the library's writes included ({@link #write} on the selector thread), and a
 * direct write happens only when the library's queue is empty and no backlog waits, so frames
 * never interleave: a buffer the library wrote only in part stays at the head of its queue.
 */
final class WriteThroughChannel implements WrappedByteChannel {
    private final SocketChannel socket;
    private final LingeringCloses closes;
    /** Guarded by {@code this}: frames of ours the socket has not taken yet, in order. */
    private final ArrayDeque<ByteBuffer> backlog = new ArrayDeque<>();
    private volatile boolean closed;

    WriteThroughChannel(SocketChannel socket, LingeringCloses closes) {
        this.socket = socket;
        this.closes = closes;
    }

    /**
     * Writes {@code frames} now if nothing is waiting ahead of them, keeps what the socket did not
     * take, and then asks the selector for a write turn. Returns false when the library's queue
     * holds output, so the caller must queue behind it (through the library).
     * <p>
     * The turn is asked for on every offer while a backlog waits, not only the first: the selector
     * resets a key to read-only after a write turn that found nothing to do, and a request landing
     * just before that reset is lost (the library's own queue has the same window). Asking again
     * each time leaves only the last request exposed, and {@link StalledWrites} asks again for
     * that one within a housekeeping turn (100 ms).
     */
    boolean offer(ByteBuffer frames, WebSocketImpl ws) throws IOException {
        synchronized (this) {
            if (ws.hasBufferedData()) {
                return false;
            }
            if (backlog.isEmpty()) {
                socket.write(frames);
                if (!frames.hasRemaining()) {
                    return true;
                }
            }
            backlog.add(frames);
        }
        // The library's own request for a write turn: OP_WRITE interest, then wake the selector.
        ws.getWebSocketListener().onWriteDemand(ws);
        return true;
    }

    /** Selector thread, for the library's queue: our backlog first, then its buffer. */
    @Override
    public synchronized int write(ByteBuffer src) throws IOException {
        return drainBacklog() ? socket.write(src) : 0;
    }

    @Override
    public synchronized boolean isNeedWrite() {
        return !backlog.isEmpty();
    }

    @Override
    public synchronized void writeMore() throws IOException {
        drainBacklog();
    }

    /** True when the backlog is empty afterwards; holds the lock. */
    private boolean drainBacklog() throws IOException {
        ByteBuffer head;
        while ((head = backlog.peek()) != null) {
            socket.write(head);
            if (head.hasRemaining()) {
                return false;
            }
            backlog.poll();
        }
        return true;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return socket.read(dst);
    }

    @Override
    public boolean isNeedRead() {
        return false;
    }

    @Override
    public int readMore(ByteBuffer dst) {
        return 0;
    }

    @Override
    public boolean isBlocking() {
        return socket.isBlocking();
    }

    @Override
    public boolean isOpen() {
        return !closed && socket.isOpen();
    }

    /** Closed as far as the library is concerned; the socket itself lingers ({@link LingeringCloses}). */
    @Override
    public void close() throws IOException {
        closed = true;
        closes.close(socket);
    }
}

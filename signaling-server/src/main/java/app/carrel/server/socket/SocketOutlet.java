package app.carrel.server.socket;

import app.carrel.server.gateway.OutputBatch;
import app.carrel.server.rooms.Outlet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket as room logic sees it. Text sent on the rooms thread waits in {@code pending} until
 * the rooms thread's burst ends ({@link OutputBatch}); text sent on any other thread is flushed at
 * once. Flushing frames the pending text ourselves and writes it straight to the socket when the
 * connection has a {@link WriteThroughChannel} (plain connections), or hands it to the library's
 * queue (TLS, or library output still waiting). {@code pending} and the hand-over are guarded by
 * this outlet's lock, so frames reach the socket in the order they were sent.
 */
final class SocketOutlet implements Outlet, OutputBatch.Pending {
    private static final Logger LOG = LoggerFactory.getLogger(SocketOutlet.class);
    /** One hand-over to the socket carries at most about this much (one write's worth). */
    private static final int MAX_CHUNK = 64 * 1024;
    /** Worst-case frame header of a server frame: 2 bytes + 8-byte length, never masked. */
    private static final int MAX_HEADER = 10;

    private final WebSocketImpl ws;
    /** Null for TLS connections: the TLS engine must see every byte, so they go the library's way. */
    private final WriteThroughChannel direct;
    private final OutputBatch output;
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private int pendingBytes;
    private boolean dirty;

    SocketOutlet(WebSocketImpl ws, OutputBatch output) {
        this.ws = ws;
        this.direct = ws.getChannel() instanceof WriteThroughChannel c ? c : null;
        this.output = output;
    }

    @Override
    public boolean send(String text) {
        if (!ws.isOpen()) {
            return false;
        }
        // Our own JSON is valid UTF-8 by construction (getBytes replaces a lone surrogate),
        // which is why the library's per-byte re-check of outgoing text is skipped.
        return sendEncoded(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The array is only read (framed into this connection's own buffer), so one may be shared by many outlets. */
    @Override
    public boolean sendEncoded(byte[] utf8) {
        if (!ws.isOpen()) {
            return false;
        }
        boolean collect = output.collecting();
        boolean mark;
        synchronized (this) {
            pending.add(utf8);
            pendingBytes += utf8.length + MAX_HEADER;
            mark = collect && !dirty;
            dirty |= collect;
        }
        if (mark) {
            output.add(this);
        } else if (!collect) {
            flush();
        }
        return true;
    }

    @Override
    public synchronized void flush() {
        dirty = false;
        while (!pending.isEmpty()) {
            ByteBuffer frames = frames();
            try {
                if (!ws.isOpen()) {
                    LOG.debug("Output dropped: connection already closing");
                    pending.clear();
                    pendingBytes = 0;
                } else if (direct == null || !direct.offer(frames, ws)) {
                    ws.sendFrame(new Preframed(frames));
                }
            } catch (WebsocketNotConnectedException e) {
                LOG.debug("Output dropped: connection already closed");
            } catch (IOException e) {
                // The peer is gone (reset, broken pipe); the selector would find out on its next read.
                LOG.debug("Write to {} failed: {}", ws.getRemoteSocketAddress(), e.toString());
                ws.closeConnection(CloseFrame.ABNORMAL_CLOSE, "Write failed: " + e.getMessage());
            }
        }
    }

    /** Frames pending messages into one buffer of at most ~64 KiB (or one bigger message); holds the lock. */
    private ByteBuffer frames() {
        ByteBuffer buffer = ByteBuffer.allocate(Math.max(pending.peek().length + MAX_HEADER, Math.min(pendingBytes, MAX_CHUNK)));
        do {
            byte[] payload = pending.poll();
            pendingBytes -= payload.length + MAX_HEADER;
            buffer.put((byte) 0x81); // FIN + text; server frames are never masked
            if (payload.length < 126) {
                buffer.put((byte) payload.length);
            } else if (payload.length <= 0xFFFF) {
                buffer.put((byte) 126).putShort((short) payload.length);
            } else {
                buffer.put((byte) 127).putLong(payload.length);
            }
            buffer.put(payload);
        } while (!pending.isEmpty() && buffer.remaining() >= pending.peek().length + MAX_HEADER);
        buffer.flip();
        return buffer;
    }

    @Override
    public void close(int code, String reason) {
        // Whatever was sent before the close must go out before the close frame.
        flush();
        ws.close(code, reason);
    }

    @Override
    public void ping() {
        try {
            ws.sendPing();
        } catch (WebsocketNotConnectedException e) {
            LOG.debug("Ping skipped: connection already closing");
        }
    }

    @Override
    public void abort(String reason) {
        ws.closeConnection(CloseFrame.ABNORMAL_CLOSE, reason);
    }
}

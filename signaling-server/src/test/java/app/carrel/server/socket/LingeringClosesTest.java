package app.carrel.server.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server-side close while the client is still sending: the client must get our last bytes, then EOF. */
class LingeringClosesTest {
    private ServerSocketChannel listener;
    private Socket client;
    private SocketChannel accepted;
    private final LingeringCloses closes = new LingeringCloses();

    @BeforeEach
    void connect() throws Exception {
        listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        client = new Socket();
        client.connect(listener.getLocalAddress(), 5_000);
        client.setSoTimeout(5_000);
        accepted = listener.accept();
        accepted.configureBlocking(false);
    }

    @AfterEach
    void close() throws Exception {
        closes.closeAll();
        client.close();
        accepted.close();
        listener.close();
    }

    @Test
    void unreadBytesFromTheClientDoNotTurnOurCloseIntoAReset() throws Exception {
        // The client is mid-message: bytes the server will never read are already on their way.
        OutputStream out = client.getOutputStream();
        out.write(new byte[200_000]);
        CompletableFuture<Void> more = CompletableFuture.runAsync(() -> {
            try {
                out.write(new byte[200_000]);
            } catch (Exception e) {
                throw new IllegalStateException("the client's send failed: " + e, e);
            }
        });
        byte[] closeFrame = {(byte) 0x88, 2, 0x03, (byte) 0xF1}; // 1009
        accepted.write(ByteBuffer.wrap(closeFrame));
        closes.close(accepted);

        InputStream in = client.getInputStream();
        assertArrayEquals(closeFrame, in.readNBytes(4), "our last frame arrives whole");
        assertEquals(-1, in.read(), "then our side's end, not a reset");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!more.isDone() && System.nanoTime() < deadline) {
            closes.drain(); // the timer's job: keep reading so the client's send completes
        }
        more.get(5, TimeUnit.SECONDS);

        client.close();
        while (closes.size() > 0 && System.nanoTime() < deadline) {
            closes.drain();
        }
        assertEquals(0, closes.size(), "closed once the client closed");
        assertFalse(accepted.isOpen());
    }

    @Test
    void afterShutdownSocketsCloseAtOnce() throws Exception {
        closes.closeAll();
        closes.close(accepted);
        assertEquals(0, closes.size());
        assertTrue(!accepted.isOpen());
    }
}

package app.carrel.server;

import app.carrel.protocol.Codec;
import app.carrel.protocol.Decoded;
import app.carrel.protocol.ServerMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JDK WebSocket client for the server's own smoke tests: records what arrives; tests take the
 * next message with a timeout. (The contract suite has its own clients under testing/.)
 */
final class SmokeClient implements AutoCloseable {
    private static final Codec CODEC = new Codec();

    private final BlockingQueue<ServerMessage> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket ws;

    SmokeClient(URI uri) throws Exception {
        ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new Recorder()).get(10, TimeUnit.SECONDS);
    }

    void send(String json) {
        ws.sendText(json, true).join();
    }

    void sendBinary() {
        ws.sendBinary(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
    }

    ServerMessage next() throws InterruptedException {
        ServerMessage m = received.poll(10, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("Timed out waiting for a message");
        }
        return m;
    }

    <T extends ServerMessage> T next(Class<T> type) throws InterruptedException {
        ServerMessage m = next();
        if (!type.isInstance(m)) {
            throw new AssertionError("Expected " + type.getSimpleName() + " but got " + m);
        }
        return type.cast(m);
    }

    /** Skips pushed lobby updates, which may arrive at any moment. */
    <T extends ServerMessage> T nextSkippingRooms(Class<T> type) throws InterruptedException {
        ServerMessage m = next();
        while (m instanceof ServerMessage.Rooms r && r.id() == null && type != ServerMessage.Rooms.class) {
            m = next();
        }
        if (!type.isInstance(m)) {
            throw new AssertionError("Expected " + type.getSimpleName() + " but got " + m);
        }
        return type.cast(m);
    }

    int awaitClose() throws Exception {
        return closeCode.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        ws.abort();
    }

    private final class Recorder implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                Decoded<ServerMessage> d = CODEC.decodeServer(text.toString());
                text.setLength(0);
                if (d instanceof Decoded.Ok<ServerMessage> ok) {
                    received.add(ok.message());
                } else {
                    received.add(new ServerMessage.Error(null, null, "UNDECODABLE " + d));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}

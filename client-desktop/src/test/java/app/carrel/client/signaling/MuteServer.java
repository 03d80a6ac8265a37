package app.carrel.client.signaling;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WebSocket server that answers the handshake and a welcome, then goes silent: it never reads
 * again, so a close handshake never completes (a hung server, or one behind a dead link). Or,
 * made with {@link #refusing}, one that sends its welcome, an error and a close (1008) in one
 * write and hangs up, as a server at its connection limit does when the three leave together.
 */
final class MuteServer implements AutoCloseable {

    private static final Pattern KEY = Pattern.compile("Sec-WebSocket-Key: (\\S+)", Pattern.CASE_INSENSITIVE);

    private final ServerSocket listener;
    private final Thread acceptor;
    private final String refusal;
    private volatile Socket accepted;

    MuteServer() throws IOException {
        this(null);
    }

    /** A server that refuses with this error message (JSON) and closes with 1008. */
    static MuteServer refusing(String errorJson) throws IOException {
        return new MuteServer(errorJson);
    }

    private MuteServer(String refusal) throws IOException {
        this.refusal = refusal;
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serveOne, "mute-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/signal");
    }

    private void serveOne() {
        try {
            Socket socket = listener.accept();
            accepted = socket;
            InputStream in = socket.getInputStream();
            StringBuilder request = new StringBuilder();
            while (!request.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                request.append((char) b);
            }
            Matcher key = KEY.matcher(request);
            if (!key.find()) {
                return;
            }
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(
                    (key.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] welcome = "{\"type\":\"welcome\",\"protocol\":1,\"server\":\"mute/1\"}".getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream frames = new ByteArrayOutputStream();
            frames.write(new byte[] {(byte) 0x81, (byte) welcome.length});
            frames.write(welcome);
            if (refusal != null) {
                byte[] error = refusal.getBytes(StandardCharsets.UTF_8);
                frames.write(new byte[] {(byte) 0x81, (byte) error.length});
                frames.write(error);
                frames.write(new byte[] {(byte) 0x88, 2, 0x03, (byte) 0xF0}); // close 1008
            }
            out.write(frames.toByteArray());
            out.flush();
            if (refusal != null) {
                socket.close();
                return;
            }
            // From here on: silence. Nothing is read, nothing answered, until close().
        } catch (Exception e) {
            // the test sees the consequence (no welcome) and says so
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        listener.close();
        Socket socket = accepted;
        if (socket != null) {
            socket.close();
        }
        acceptor.join(5000);
    }
}

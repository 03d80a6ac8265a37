package app.carrel.client.media;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Decides between the real and the headless audio module without touching webrtc-java: with no
 * PulseAudio server, webrtc-java's device listing hangs forever and the default factory aborts
 * the JVM, so we knock on PulseAudio's socket ourselves, on a daemon thread, with a deadline.
 */
public final class AudioServerProbe {

    private final Map<String, String> env;
    private final Duration timeout;

    public AudioServerProbe(Map<String, String> env, Duration timeout) {
        this.env = env;
        this.timeout = timeout;
    }

    public static AudioServerProbe ofSystem() {
        return new AudioServerProbe(System.getenv(), Duration.ofMillis(500));
    }

    public AudioBackend probe() {
        if ("1".equals(env.get("CARREL_HEADLESS_AUDIO"))) {
            return new AudioBackend(AudioBackend.Kind.HEADLESS, "CARREL_HEADLESS_AUDIO=1");
        }
        Path socket = socketPath();
        if (socket == null) {
            return new AudioBackend(AudioBackend.Kind.HEADLESS,
                    "no PulseAudio socket (PULSE_SERVER and XDG_RUNTIME_DIR unset or not local)");
        }
        if (!Files.exists(socket)) {
            return new AudioBackend(AudioBackend.Kind.HEADLESS, "no audio server at " + socket);
        }
        CompletableFuture<Void> knock = new CompletableFuture<>();
        Thread thread = new Thread(() -> connect(socket, knock), "carrel-audio-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            knock.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new AudioBackend(AudioBackend.Kind.DEVICE, "PulseAudio answered at " + socket);
        } catch (TimeoutException e) {
            thread.interrupt();
            return new AudioBackend(AudioBackend.Kind.HEADLESS, "audio server at " + socket + " did not answer");
        } catch (ExecutionException e) {
            return new AudioBackend(AudioBackend.Kind.HEADLESS,
                    "audio server at " + socket + " refused: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AudioBackend(AudioBackend.Kind.HEADLESS, "interrupted while probing audio");
        }
    }

    /** PULSE_SERVER may name {@code unix:/path}; remote (tcp) servers are not probed. */
    Path socketPath() {
        String server = env.get("PULSE_SERVER");
        if (server != null && !server.isBlank()) {
            String path = server.startsWith("unix:") ? server.substring(5) : server;
            return path.startsWith("/") ? Path.of(path) : null;
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        return runtime == null || runtime.isBlank() ? null : Path.of(runtime, "pulse", "native");
    }

    private static void connect(Path socket, CompletableFuture<Void> result) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            result.complete(null);
        } catch (IOException | RuntimeException e) {
            result.completeExceptionally(e);
        }
    }
}

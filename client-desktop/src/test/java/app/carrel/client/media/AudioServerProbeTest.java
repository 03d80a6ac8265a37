package app.carrel.client.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioServerProbeTest {

    @TempDir
    Path dir;

    @Test
    void noAudioServerMeansHeadlessQuickly() {
        long start = System.nanoTime();
        AudioBackend backend = new AudioServerProbe(Map.of("XDG_RUNTIME_DIR", dir.toString()),
                Duration.ofMillis(500)).probe();
        assertEquals(AudioBackend.Kind.HEADLESS, backend.kind());
        assertTrue(backend.reason().contains("no audio server"), backend.reason());
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "the probe must not hang");
    }

    @Test
    void aListeningPulseSocketMeansTheDeviceModule() throws Exception {
        Path socket = dir.resolve("pulse").resolve("native");
        socket.getParent().toFile().mkdirs();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            AudioBackend backend = new AudioServerProbe(Map.of("XDG_RUNTIME_DIR", dir.toString()),
                    Duration.ofSeconds(2)).probe();
            assertEquals(AudioBackend.Kind.DEVICE, backend.kind(), backend.reason());
        }
    }

    @Test
    void pulseServerVariableWinsAndTheOverrideForcesHeadless() {
        AudioServerProbe probe = new AudioServerProbe(Map.of("PULSE_SERVER", "unix:/run/x/native",
                "XDG_RUNTIME_DIR", "/ignored"), Duration.ofMillis(100));
        assertEquals(Path.of("/run/x/native"), probe.socketPath());
        AudioBackend forced = new AudioServerProbe(Map.of("CARREL_HEADLESS_AUDIO", "1"), Duration.ofMillis(100)).probe();
        assertEquals(AudioBackend.Kind.HEADLESS, forced.kind());
    }
}

package app.carrel.server.testing;

import app.carrel.server.janus.LocalJanus;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Comparator;

/**
 * A real Janus for a contract test class, from a generated config in a fresh temp folder, its
 * WebSocket API on a free loopback port. Each class passes its own RTP port range, so classes
 * that run one after another never meet each other's leftovers.
 */
public final class TestJanus {

    private TestJanus() {
    }

    public static LocalJanus start(String folderPrefix, String secret, String rtpPorts)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return LocalJanus.start(Files.createTempDirectory(folderPrefix), port, secret, rtpPorts, Duration.ofSeconds(20));
    }

    /** Stops it and deletes its folder (config, log, and whatever the test put there): no leftovers in /tmp. */
    public static void stop(LocalJanus janus) throws IOException {
        if (janus == null) {
            return;
        }
        janus.close();
        try (var files = Files.walk(janus.folder())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

package app.carrel.client.call;

import app.carrel.server.hall.HallConfig;
import app.carrel.server.janus.LocalJanus;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Real Janus instances for hall tests, each started from a generated configuration in the test's
 * folder (see {@link LocalJanus}), on a free WebSocket port and a UDP range of its own. Janus is
 * a Debian package (.ci/run installs it); without it the test fails rather than pass unseen.
 */
final class JanusFixture implements AutoCloseable {
    static final String SECRET = "test-janus-secret";

    private final List<LocalJanus> instances = new ArrayList<>();

    JanusFixture(Path dir, int count) throws IOException, InterruptedException {
        if (!LocalJanus.installed()) {
            throw new IllegalStateException("Janus is not installed: apt-get install janus");
        }
        for (int i = 0; i < count; i++) {
            int port = freePort();
            int rtp = 20_000 + (port % 200) * 200;
            instances.add(LocalJanus.start(dir.resolve("janus-" + i), port, SECRET, rtp + "-" + (rtp + 199),
                    Duration.ofSeconds(20)));
        }
    }

    LocalJanus get(int i) {
        return instances.get(i);
    }

    HallConfig hallConfig() {
        List<URI> uris = instances.stream().map(LocalJanus::uri).toList();
        return new HallConfig(uris, SECRET, HallConfig.DEFAULT_BITRATE);
    }

    @Override
    public void close() {
        instances.forEach(LocalJanus::close);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

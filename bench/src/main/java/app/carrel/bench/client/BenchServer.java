package app.carrel.bench.client;

import app.carrel.bench.ServerProcess;
import app.carrel.server.janus.LocalJanus;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The server a call benchmark talks to: a carrel-server process and, for halls, a Janus of the
 * benchmark's own (generated config, secret in a file), as the tests start them.
 */
record BenchServer(ServerProcess server, LocalJanus janus) implements AutoCloseable {

    static BenchServer start(ClientOptions options, boolean halls) throws Exception {
        Files.createDirectories(options.workDir);
        List<String> args = new ArrayList<>(List.of("--max-capacity", halls ? "50" : "8"));
        LocalJanus janus = null;
        if (halls) {
            Path folder = options.workDir.resolve("janus");
            Path secret = LocalJanus.secretFile(folder);
            janus = LocalJanus.start(folder, freePort(), Files.readString(secret).strip(), "24000-24999",
                    Duration.ofSeconds(20));
            args.addAll(List.of("--janus", janus.uri().toString(), "--janus-secret-file", secret.toString()));
        }
        try {
            ServerProcess server = ServerProcess.start(options.serverJar, List.of("-Xmx256m"), args, options.workDir);
            System.out.printf("server pid %d at %s%s%n", server.pid(), server.uri(),
                    janus == null ? "" : ", Janus pid " + janus.pid());
            return new BenchServer(server, janus);
        } catch (Exception e) {
            if (janus != null) {
                janus.close();
            }
            throw e;
        }
    }

    URI uri() {
        return server.uri();
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
        if (janus != null) {
            janus.close();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

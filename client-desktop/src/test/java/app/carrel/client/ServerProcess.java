package app.carrel.client;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * carrel-server in a process of its own, so a test can kill it as a crash or a power cut does
 * (SIGKILL: no goodbye to anyone) and start it again on the same port and database.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (ws://\\S+/signal)");

    private final Process process;
    private final String uri;

    private ServerProcess(Process process, String uri) {
        this.process = process;
        this.uri = uri;
    }

    /** Starts on {@code port} (0: any) with {@code database}; returns once it listens. */
    static ServerProcess start(int port, Path database) throws Exception {
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "app.carrel.server.Main",
                "--bind", "127.0.0.1", "--port", String.valueOf(port), "--db", database.toString()))
                .redirectErrorStream(true).start();
        CompletableFuture<String> listening = new CompletableFuture<>();
        StringBuilder said = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        listening.complete(m.group(1));
                    } else if (!listening.isDone()) {
                        said.append(line).append('\n');
                    }
                }
            } catch (Exception e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new AssertionError("The server ended before listening:\n" + said));
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        return new ServerProcess(process, listening.get(30, TimeUnit.SECONDS));
    }

    String uri() {
        return uri;
    }

    int port() {
        return Integer.parseInt(uri.replaceAll(".*:(\\d+)/signal", "$1"));
    }

    /** Ends it with SIGKILL and waits for the process to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}

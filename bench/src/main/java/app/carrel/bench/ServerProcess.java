package app.carrel.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real carrel-server.jar in a process of its own, on loopback, port 0, over a fresh database.
 * The bound port is read from its start-up log line; the log goes to a file next to the results.
 * {@link #close()} sends SIGTERM (the server's graceful shutdown) and kills it if that hangs.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+) \\(port (\\d+)\\)");

    private final Process process;
    private final URI uri;

    private ServerProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /**
     * @param jvmOptions extra JVM options for the server (heap, GC, JFR), may be empty
     * @param serverArgs extra carrel-server options, e.g. {@code --rate-limit 1000000}
     */
    public static ServerProcess start(Path jar, List<String> jvmOptions, List<String> serverArgs, Path workDir)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No server jar at " + jar + " (build it: bench/run.sh builds it)");
        }
        Files.createDirectories(workDir);
        Path db = Files.createTempFile(workDir, "bench-", ".db");
        Files.delete(db);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--bind", "127.0.0.1", "--port", "0", "--db", db.toString()));
        command.addAll(serverArgs);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Path log = workDir.resolve("server-" + p.pid() + ".log");
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(p, log, listening), "server-log-" + p.pid());
        pump.setDaemon(true);
        pump.start();
        try {
            URI uri = listening.get(30, TimeUnit.SECONDS);
            return new ServerProcess(p, uri);
        } catch (Exception e) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("Server did not start (see " + log + "): " + e, e);
        }
    }

    public URI uri() {
        return uri;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessSample sample() {
        return ProcessSample.of(process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            System.err.println("server " + process.pid() + " ignored SIGTERM for 30 s; killing it");
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void pump(Process p, Path log, CompletableFuture<URI> listening) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                Matcher m = LISTENING.matcher(line);
                if (!listening.isDone() && m.find()) {
                    listening.complete(URI.create(m.group(1)));
                }
            }
            listening.completeExceptionally(new IOException("server exited with " + p.waitFor()));
        } catch (IOException | InterruptedException e) {
            listening.completeExceptionally(e);
        }
    }
}

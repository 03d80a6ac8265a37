package app.carrel.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real carrel-server.jar in a process of its own, on loopback, port 0, over a fresh database
 * ({@link #start}), or on a given port over a given database, as a restart does ({@link #launch}).
 * The bound port is read from its start-up log line; the log goes to a file next to the results.
 * {@link #close()} sends SIGTERM (the server's graceful shutdown) and kills it if that hangs.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+) \\(port (\\d+)\\)");

    private final Process process;
    private final Path database;
    private final long startedNanos;
    private final CompletableFuture<URI> listening;
    /** When the generator read the "listening" line ({@code System.nanoTime()}), 0 before. */
    private volatile long listeningNanos;

    private ServerProcess(Process process, Path database, long startedNanos) {
        this.process = process;
        this.database = database;
        this.startedNanos = startedNanos;
        this.listening = new CompletableFuture<>();
    }

    /**
     * @param jvmOptions extra JVM options for the server (heap, GC, JFR), may be empty
     * @param serverArgs extra carrel-server options, e.g. {@code --rate-limit 1000000}
     */
    public static ServerProcess start(Path jar, List<String> jvmOptions, List<String> serverArgs, Path workDir)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path db = Files.createTempFile(workDir, "bench-", ".db");
        Files.delete(db);
        ServerProcess server = launch(jar, jvmOptions, serverArgs, workDir, db, 0);
        server.awaitListening(Duration.ofSeconds(30));
        return server;
    }

    /**
     * Starts the server over {@code database} on {@code port} (0 = any) and returns at once, before
     * it listens: a restart's clients are already knocking ({@link #awaitListening} waits for it).
     */
    public static ServerProcess launch(Path jar, List<String> jvmOptions, List<String> serverArgs, Path workDir,
                                       Path db, int port) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No server jar at " + jar + " (build it: bench/run.sh builds it)");
        }
        Files.createDirectories(workDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--bind", "127.0.0.1", "--port", Integer.toString(port), "--db", db.toString()));
        command.addAll(serverArgs);
        long started = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        ServerProcess server = new ServerProcess(p, db, started);
        Path log = workDir.resolve("server-" + p.pid() + ".log");
        Thread pump = new Thread(() -> server.pump(log), "server-log-" + p.pid());
        pump.setDaemon(true);
        pump.start();
        return server;
    }

    /** Waits until the server logged that it listens; kills it if it does not in time. */
    public void awaitListening(Duration limit) throws InterruptedException {
        try {
            listening.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("Server " + process.pid() + " did not start (see its log in the work dir): "
                    + e, e);
        }
    }

    /** Where it listens; only after {@link #awaitListening}. */
    public URI uri() {
        return listening.join();
    }

    public Path database() {
        return database;
    }

    /** {@code System.nanoTime()} just before the process was started. */
    public long startedNanos() {
        return startedNanos;
    }

    /** {@code System.nanoTime()} when its "listening" log line was read; 0 until then. */
    public long listeningNanos() {
        return listeningNanos;
    }

    /** SIGTERM (the server's graceful shutdown), then waits for the exit; returns the exit code. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            System.err.println("server " + process.pid() + " ignored SIGTERM for 30 s; killing it");
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    public long pid() {
        return process.pid();
    }

    public ProcessSample sample() {
        return ProcessSample.of(process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private void pump(Path log) {
        Process p = process;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                Matcher m = LISTENING.matcher(line);
                if (!listening.isDone() && m.find()) {
                    listeningNanos = System.nanoTime();
                    listening.complete(URI.create(m.group(1)));
                }
            }
            listening.completeExceptionally(new IOException("server exited with " + p.waitFor()));
        } catch (IOException | InterruptedException e) {
            listening.completeExceptionally(e);
        }
    }
}

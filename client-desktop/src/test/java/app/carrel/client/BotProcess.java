package app.carrel.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real carrel-bot in a process of its own (the test's classpath, the bot's own main), as
 * another person at another computer: SIGTERM makes it leave cleanly, as Ctrl+C does. Its
 * output lines are recorded for {@link #awaitLine}.
 */
final class BotProcess implements AutoCloseable {

    private static final long LIMIT_SECONDS = 30;

    private final String name;
    private final Process process;
    private final Path tmp;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private BotProcess(String name, Process process, Path tmp) {
        this.name = name;
        this.process = process;
        this.tmp = tmp;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output ended: " + e + ")");
            }
        }, "bot-output-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code carrel-bot --server URL --name NAME ARGS…} and waits until it is in the room. */
    static BotProcess join(String server, String name, String... args) throws Exception {
        // The native loader copies its library into java.io.tmpdir: one folder per bot, deleted after.
        Path tmp = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "bot-");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-Djava.awt.headless=true", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"),
                "app.carrel.client.bot.CarrelBot", "--server", server, "--name", name,
                "--size", "320x240", "--fps", "15"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CARREL_HEADLESS_AUDIO", "1");
        BotProcess bot = new BotProcess(name, builder.start(), tmp);
        bot.awaitLine("oined");
        return bot;
    }

    /**
     * The desktop app itself as another person's process (its own JVM, the test's display),
     * joining {@code room} straight in as {@code name}: to see what the app does when the
     * system ends it. It runs in its own folder, so a JVM crash's hs_err file lands there.
     */
    static BotProcess desktopApp(String server, String name, String room) throws Exception {
        Path tmp = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "app-");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-Dcarrel.config.dir=" + tmp.resolve("config"), "-Dprism.order=sw",
                "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                "app.carrel.client.Launcher", "--server=" + server, "--room=" + room, "--name=" + name, "--join");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(tmp.toFile());
        builder.environment().put("CARREL_HEADLESS_AUDIO", "1");
        BotProcess app = new BotProcess(name, builder.start(), tmp);
        app.awaitLine("Joined " + room + " as");
        return app;
    }

    /** What the process exited with (waits for it); 143 is SIGTERM's own. */
    int exitCode() throws InterruptedException {
        return process.waitFor();
    }

    /** Files the JVM writes when it crashes, in the process's folder. */
    List<Path> crashLogs() throws IOException {
        try (var files = Files.list(tmp)) {
            return files.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList();
        }
    }

    /** Waits for an output line containing {@code text}; fails with everything it said. */
    String awaitLine(String text) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        while (System.nanoTime() < end) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(text)) {
                    return line;
                }
            } else if (!process.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("Timed out waiting for bot " + name + " to print '" + text + "'; it printed:\n"
                + String.join("\n", seen));
    }

    /** Leaves as a person closing the program does (SIGTERM), and waits for the process to end. */
    void leave() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("Bot " + name + " did not end within " + LIMIT_SECONDS + " s of SIGTERM");
        }
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
        }
        try (var files = Files.walk(tmp)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

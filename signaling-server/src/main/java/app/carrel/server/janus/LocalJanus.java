package app.carrel.server.janus;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Janus of our own on this machine, for a local Carrel (./carrel) and for tests: a generated
 * configuration folder (only the VideoRoom plugin and the WebSocket transport, on 127.0.0.1;
 * ICE on the loopback interface only; the API secret and VideoRoom admin key set) and the
 * {@code janus} process started on it. Debian's package puts its plugins in {@link #LIBRARIES}.
 */
public final class LocalJanus implements AutoCloseable {

    static final Path LIBRARIES = Path.of("/usr/lib/x86_64-linux-gnu/janus");
    private static final Path BINARY = Path.of("/usr/bin/janus");
    /** The line Janus logs once its WebSocket transport listens. */
    private static final String READY = "Websockets server started";

    private final Process process;
    private final URI uri;
    private final Path folder;

    private LocalJanus(Process process, URI uri, Path folder) {
        this.process = process;
        this.uri = uri;
        this.folder = folder;
    }

    /**
     * The API secret of a Janus kept in {@code folder}: made once (128 random bits), readable by
     * its owner only, so it never appears on a command line.
     */
    public static Path secretFile(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("secret");
        if (!Files.exists(file)) {
            byte[] bytes = new byte[16];
            new SecureRandom().nextBytes(bytes);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, HexFormat.of().formatHex(bytes) + "\n");
        }
        return file;
    }

    /** Whether the janus package is installed here. */
    public static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isDirectory(LIBRARIES.resolve("plugins"));
    }

    /**
     * Writes the configuration into {@code folder} and starts Janus on it; returns once its
     * WebSocket API listens on {@code wsPort}, or throws after {@code limit}.
     *
     * @param rtpPorts the UDP port range its media uses, "20000-20099"; keep instances apart
     */
    public static LocalJanus start(Path folder, int wsPort, String secret, String rtpPorts, Duration limit)
            throws IOException, InterruptedException {
        Files.createDirectories(folder);
        writeConfig(folder, wsPort, secret, rtpPorts);
        Path log = folder.resolve("janus.log");
        Files.deleteIfExists(log);
        Process process = new ProcessBuilder(BINARY.toString(), "-F", folder.toString(),
                "-C", folder.resolve("janus.jcfg").toString(), "-o", "-N", "-L", log.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("janus.out").toFile())
                .start();
        LocalJanus janus = new LocalJanus(process, URI.create("ws://127.0.0.1:" + wsPort + "/"), folder);
        try {
            janus.awaitReady(log, limit);
        } catch (IOException | RuntimeException | InterruptedException e) {
            janus.close();
            throw e;
        }
        return janus;
    }

    public URI uri() {
        return uri;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Kills it at once, as a crash would (tests of a lost instance). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public Path folder() {
        return folder;
    }

    /** Janus's log grows line by line; we wait for the transport's line, or for Janus to die. */
    private void awaitReady(Path log, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(READY)) {
                return;
            }
            if (process.waitFor(50, TimeUnit.MILLISECONDS)) {
                throw new IOException("janus exited with " + process.exitValue() + "; see " + folder);
            }
        }
        throw new IOException("janus did not start its WebSocket API within " + limit.toSeconds() + " s; see "
                + folder);
    }

    static void writeConfig(Path folder, int wsPort, String secret, String rtpPorts) throws IOException {
        String secretLine = secret == null ? "" : "\tapi_secret = \"" + secret + "\"\n";
        Files.writeString(folder.resolve("janus.jcfg"), "general: {\n"
                + "\tconfigs_folder = \"" + folder + "\"\n"
                + "\tplugins_folder = \"" + LIBRARIES.resolve("plugins") + "\"\n"
                + "\ttransports_folder = \"" + LIBRARIES.resolve("transports") + "\"\n"
                + "\tevents_folder = \"" + LIBRARIES.resolve("events") + "\"\n"
                + "\tloggers_folder = \"" + LIBRARIES.resolve("loggers") + "\"\n"
                + "\tdebug_level = 4\n"
                + "\tsession_timeout = 60\n"
                + secretLine
                + "}\n"
                + "media: {\n\trtp_port_range = \"" + rtpPorts + "\"\n}\n"
                // Only loopback candidates: nothing of a test or a local call leaves this machine,
                // and no mDNS lookups stall ICE.
                + "nat: {\n\tice_enforce_list = \"lo\"\n\tignore_mdns = true\n\tnice_debug = false\n}\n"
                + "plugins: {\n\tdisable = \"" + allBut(LIBRARIES.resolve("plugins"), "libjanus_videoroom.so") + "\"\n}\n"
                + "transports: {\n\tdisable = \"" + allBut(LIBRARIES.resolve("transports"), "libjanus_websockets.so")
                + "\"\n}\n"
                + "loggers: {\n\tdisable = \"" + allBut(LIBRARIES.resolve("loggers"), "") + "\"\n}\n"
                + "events: {\n\tbroadcast = false\n}\n");
        Files.writeString(folder.resolve("janus.plugin.videoroom.jcfg"), "general: {\n"
                + (secret == null ? "" : "\tadmin_key = \"" + secret + "\"\n")
                + "\tlock_rtp_forward = true\n"
                + "}\n");
        Files.writeString(folder.resolve("janus.transport.websockets.jcfg"), "general: {\n"
                + "\tjson = \"compact\"\n"
                + "\tws = true\n"
                + "\tws_port = " + wsPort + "\n"
                + "\tws_ip = \"127.0.0.1\"\n"
                + "\twss = false\n"
                + "}\n"
                + "admin: {\n\tadmin_ws = false\n\tadmin_wss = false\n}\n");
    }

    private static String allBut(Path libraries, String keep) throws IOException {
        if (!Files.isDirectory(libraries)) {
            return "";
        }
        try (Stream<Path> files = Files.list(libraries)) {
            List<String> names = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".so") && !n.equals(keep))
                    .sorted()
                    .toList();
            return names.stream().collect(Collectors.joining(","));
        }
    }

}

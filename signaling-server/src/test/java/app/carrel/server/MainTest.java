package app.carrel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.access.AccessLimits;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

class MainTest {
    private static ServerConfig parse(String... args) {
        Main main = new Main();
        new CommandLine(main).parseArgs(args);
        return main.config();
    }

    @Test
    void defaultsAreTheContracts() {
        ServerConfig c = parse();
        assertEquals(ServerConfig.builder().build(), c);
        assertEquals(7000, c.port());
        assertEquals("0.0.0.0", c.bind());
        assertEquals(Path.of("carrel.db"), c.database());
        assertEquals(8, c.maxCapacity());
        assertEquals(100, c.rateLimit());
        assertEquals(300, c.rateBurst());
        assertEquals(-1, c.adminPort());
        assertEquals(Duration.ofSeconds(30), c.resumeGrace());
        assertNull(c.turnSecret());
    }

    @Test
    void everyOptionReachesTheConfig() {
        ServerConfig c = parse("--port", "0", "--bind", "127.0.0.1", "--db", "/tmp/x.db", "--max-capacity", "12",
                "--stun", "stun:a", "--stun", "stun:b", "--turn", "turn:t", "--turn-secret", "s",
                "--tls-cert", "c.pem", "--tls-key", "k.pem", "--rate-limit", "5000", "--rate-burst", "9000",
                "--admin-port", "0");
        assertEquals(ServerConfig.builder().port(0).bind("127.0.0.1").database(Path.of("/tmp/x.db")).maxCapacity(12)
                .stun(List.of("stun:a", "stun:b")).turn(List.of("turn:t")).turnSecret("s")
                .tls(Path.of("c.pem"), Path.of("k.pem")).rateLimit(5000).rateBurst(9000).adminPort(0).build(), c);
    }

    @Test
    void roomTtlAndTheAdminTokenFileReachTheConfig(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertEquals(Duration.ofDays(30), parse().roomTtl());
        Path token = java.nio.file.Files.writeString(dir.resolve("admin-token"), "  s3cret \nignored\n");
        ServerConfig c = parse("--room-ttl", "12h", "--admin-token-file", token.toString());
        assertEquals(Duration.ofHours(12), c.roomTtl());
        assertEquals(Duration.ofHours(1), c.expirySweep());
        assertEquals("s3cret", c.adminToken());
        assertEquals(Duration.ofDays(7), parse("--room-ttl", "P7D").roomTtl());
        assertEquals(Duration.ofMinutes(5), parse("--room-ttl", "5m").expirySweep(), "a short TTL is looked at as often");
        assertNotEquals(0, new CommandLine(new Main()).execute("--room-ttl", "soon"));
    }

    @Test
    void helpAndVersionExitCleanlyAndBadInputDoesNot() {
        assertEquals(0, new CommandLine(new Main()).execute("--version"));
        assertEquals(0, new CommandLine(new Main()).execute("--help"));
        assertNotEquals(0, new CommandLine(new Main()).execute("--port", "seven"));
        assertNotEquals(0, new CommandLine(new Main()).execute("--tls-cert", "only-a-cert.pem"));
    }

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void secretsComeFromTheFirstLineOfTheirFiles() throws IOException {
        ServerConfig c = parse("--turn-secret-file", file("turn", "t0ps3cret\nignored\n").toString(),
                "--join-code-file", file("code", "  maple river 42 \n").toString(),
                "--tls-cert", "c.pem", "--tls-key", "k.pem",
                "--tls-key-passphrase-file", file("pass", "open sesame\n").toString());
        assertEquals("t0ps3cret", c.turnSecret());
        assertEquals("maple river 42", c.joinCode());
        assertEquals("open sesame", c.tlsKeyPassphrase());
        assertTrue(!c.toString().contains("maple") && !c.toString().contains("t0ps3cret"), c::toString);
    }

    @Test
    void theTurnSecretOnTheCommandLineStillWorksButWarnsThatPsShowsIt() throws IOException {
        Logger log = (Logger) LoggerFactory.getLogger(Main.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        log.addAppender(seen);
        try {
            assertEquals("s", parse("--turn-secret", "s").turnSecret());
        } finally {
            log.detachAppender(seen);
        }
        assertTrue(seen.list.stream().anyMatch(e -> e.getFormattedMessage().contains("ps shows it")), () -> seen.list.toString());
        assertThrows(IllegalArgumentException.class, () -> parse("--turn-secret", "s",
                "--turn-secret-file", file("turn", "t\n").toString()));
        assertThrows(IllegalArgumentException.class, () -> parse("--join-code-file", file("empty", "\n").toString()));
    }

    @Test
    void perAddressLimitsReachTheConfig() {
        assertEquals(AccessLimits.defaults(), parse().limits());
        assertEquals(new AccessLimits(7, 8, 9, 10), parse("--max-connections-per-address", "7",
                "--room-creations-per-hour", "8", "--max-rooms-per-address", "9",
                "--join-code-failures-per-hour", "10").limits());
        assertNotEquals(0, new CommandLine(new Main()).execute("--max-connections-per-address", "0"));
    }
}

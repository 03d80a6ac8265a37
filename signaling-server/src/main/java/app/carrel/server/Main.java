package app.carrel.server;

import app.carrel.server.access.AccessLimits;
import app.carrel.server.hall.HallConfig;
import app.carrel.server.janus.LocalJanus;
import java.time.Duration;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar carrel-server.jar [options]}: runs the server until SIGTERM or Ctrl-C. */
@Command(name = "carrel-server", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Carrel signaling server: study rooms over WebSocket, stored in SQLite.",
        sortOptions = false, subcommands = RoomsCommand.class)
public final class Main implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @Option(names = "--port", description = "WebSocket port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port = 7000;

    @Option(names = "--bind", description = "Address to listen on (default: ${DEFAULT-VALUE})")
    String bind = "0.0.0.0";

    @Option(names = "--db", description = "SQLite database file (default: ${DEFAULT-VALUE})")
    Path database = Path.of("carrel.db");

    @Option(names = "--max-capacity", description = "Largest room capacity allowed (default: ${DEFAULT-VALUE})")
    int maxCapacity = 8;

    @Option(names = "--janus", paramLabel = "URL", description = "A Janus WebSocket API (ws://host:8188/) for"
            + " study halls; repeatable, one per instance")
    List<URI> janus = new ArrayList<>();

    @Option(names = "--janus-secret-file", paramLabel = "FILE", description = "File holding Janus's api_secret,"
            + " also its VideoRoom admin_key (never give secrets on the command line: ps shows them)")
    Path janusSecretFile;

    @Option(names = "--local-janus", paramLabel = "DIR", description = "Start a Janus of our own (the janus"
            + " package) for study halls, its configuration and generated secret kept in DIR; for one machine")
    Path localJanus;

    @Option(names = "--local-janus-port", description = "WebSocket port of --local-janus (default: ${DEFAULT-VALUE})")
    int localJanusPort = 18188; // not 8188: a janus system service may hold that one

    @Option(names = "--mesh-max", description = "With a Janus, rooms larger than this are study halls"
            + " (default: ${DEFAULT-VALUE})")
    int meshMax = 4;

    @Option(names = "--stun", paramLabel = "URL", description = "STUN URL handed to clients; repeatable")
    List<String> stun = new ArrayList<>();

    @Option(names = "--turn", paramLabel = "URL", description = "TURN URL handed to clients; repeatable")
    List<String> turn = new ArrayList<>();

    @Option(names = "--turn-secret", description = "Shared secret for time-limited TURN credentials"
            + " (coturn use-auth-secret)")
    String turnSecret;

    @Option(names = "--turn-secret-file", paramLabel = "FILE", description = "File holding the TURN secret"
            + " (first line); use this rather than --turn-secret, which ps shows to every user")
    Path turnSecretFile;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Certificate chain (PEM) for wss://")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "PKCS#8 private key (PEM), RSA or EC")
    Path tlsKey;

    @Option(names = "--tls-key-passphrase-file", paramLabel = "FILE", description = "File holding the passphrase"
            + " (first line) of an encrypted --tls-key (BEGIN ENCRYPTED PRIVATE KEY, or OpenSSL's own formats)")
    Path tlsKeyPassphraseFile;

    @Option(names = "--join-code-file", paramLabel = "FILE", description = "File holding a join code (first"
            + " line): without it, a connection may do nothing but send the code. Unset: the server is open")
    Path joinCodeFile;

    // Per remote address (an IPv6 client's /64); AccessLimits says why the defaults are what they are.
    @Option(names = "--max-connections-per-address", paramLabel = "N", description = "Connections open at once"
            + " from one address (default: ${DEFAULT-VALUE}: 500 people behind one school NAT, two each)")
    int maxConnectionsPerAddress = AccessLimits.DEFAULT_CONNECTIONS;

    @Option(names = "--room-creations-per-hour", paramLabel = "N", description = "Rooms one address may create"
            + " in any hour (default: ${DEFAULT-VALUE})")
    int roomCreationsPerHour = AccessLimits.DEFAULT_ROOM_CREATIONS_PER_HOUR;

    @Option(names = "--max-rooms-per-address", paramLabel = "N", description = "Rooms created by one address"
            + " that may exist at once (default: ${DEFAULT-VALUE})")
    int maxRoomsPerAddress = AccessLimits.DEFAULT_LIVE_ROOMS;

    @Option(names = "--join-code-failures-per-hour", paramLabel = "N", description = "Wrong join codes from"
            + " one address in an hour before it must wait (default: ${DEFAULT-VALUE})")
    int joinCodeFailuresPerHour = AccessLimits.DEFAULT_JOIN_CODE_FAILURES_PER_HOUR;

    @Option(names = "--rate-limit", description = "Messages per second per connection (default: ${DEFAULT-VALUE})")
    int rateLimit = 100;

    @Option(names = "--rate-burst", description = "Burst per connection (default: ${DEFAULT-VALUE})")
    int rateBurst = 300;

    @Option(names = "--admin-port", description = "Port for /healthz and /metrics; -1 = off, 0 = any"
            + " (default: ${DEFAULT-VALUE})")
    int adminPort = -1;

    @Option(names = "--admin-token-file", paramLabel = "FILE", description = "File holding the token the admin"
            + " API's /rooms and `carrel-server rooms` demand (readable by the service user only); without it"
            + " that API is off")
    Path adminTokenFile;

    @Option(names = "--room-ttl", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Rooms empty this long are deleted unless their owner keeps them: 30d, 12h, 90m"
                    + " (default: ${DEFAULT-VALUE})")
    Duration roomTtl = Duration.ofDays(30);

    public static void main(String[] args) {
        int exit = new CommandLine(new Main()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    ServerConfig config() {
        return ServerConfig.builder().port(port).bind(bind).database(database).maxCapacity(maxCapacity)
                .stun(stun).turn(turn).turnSecret(turnSecret()).tls(tlsCert, tlsKey)
                .tlsKeyPassphrase(secret(tlsKeyPassphraseFile)).joinCode(secret(joinCodeFile))
                .limits(new AccessLimits(maxConnectionsPerAddress, roomCreationsPerHour, maxRoomsPerAddress,
                        joinCodeFailuresPerHour))
                .rateLimit(rateLimit).rateBurst(rateBurst).adminPort(adminPort)
                .meshMax(meshMax).halls(new HallConfig(janus, secret(janusSecretFile), HallConfig.DEFAULT_BITRATE))
                .roomTtl(roomTtl).expirySweep(roomTtl.compareTo(EXPIRY_SWEEP) < 0 ? roomTtl : EXPIRY_SWEEP)
                .adminToken(secret(adminTokenFile))
                .build();
    }

    /** From --turn-secret-file, or (with a warning) from --turn-secret; not both. */
    private String turnSecret() {
        if (turnSecret != null && turnSecretFile != null) {
            throw new IllegalArgumentException("Give the TURN secret once: --turn-secret-file or --turn-secret");
        }
        if (turnSecret != null) {
            LOG.warn("--turn-secret is on the command line, where ps shows it to every user of this machine;"
                    + " put it in a file only the server's user can read and pass --turn-secret-file instead");
            return turnSecret;
        }
        return secret(turnSecretFile);
    }

    /** How often expired rooms are looked for (more often when the TTL itself is shorter). */
    private static final Duration EXPIRY_SWEEP = Duration.ofHours(1);

    /** {@code 30d}, {@code 12h}, {@code 90m}, {@code 45s}, or an ISO-8601 duration ({@code P30D}). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.strip().toLowerCase(java.util.Locale.ROOT);
            if (v.startsWith("p")) {
                return Duration.parse(v.toUpperCase(java.util.Locale.ROOT));
            }
            if (!v.matches("[0-9]{1,9}[dhms]")) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration like 30d, 12h, 90m");
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 'd' -> Duration.ofDays(n);
                case 'h' -> Duration.ofHours(n);
                case 'm' -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
        }
    }

    /** A secret file's first line; a file that cannot be read stops the start with its reason. */
    static String secret(Path file) {
        if (file == null) {
            return null;
        }
        try {
            String secret = Files.readString(file).lines().findFirst().orElse("").strip();
            if (secret.isEmpty()) {
                throw new IllegalArgumentException("Secret file " + file + " is empty");
            }
            return secret;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read secret file " + file + ": " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        LocalJanus janusProcess = localJanus == null ? null : startLocalJanus();
        ServerConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            if (janusProcess != null) {
                janusProcess.close();
            }
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
        CarrelServer server = CarrelServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Signal received");
            server.close();
            if (janusProcess != null) {
                janusProcess.close();
            }
            stopped.countDown();
        }, "carrel-shutdown"));
        stopped.await();
        return 0;
    }

    /**
     * Starts our own Janus and points the halls at it; without the janus package the server runs
     * without halls and says so once.
     */
    private LocalJanus startLocalJanus() throws InterruptedException {
        if (!LocalJanus.installed()) {
            LOG.warn("Study halls (rooms above {} people) need Janus: apt-get install janus. Running without them.",
                    meshMax);
            return null;
        }
        try {
            Path secretFile = LocalJanus.secretFile(localJanus);
            LocalJanus started = LocalJanus.start(localJanus, localJanusPort, secret(secretFile), "20000-20199",
                    Duration.ofSeconds(20));
            LOG.info("Started Janus for study halls at {} (pid {}, config {})", started.uri(), started.pid(), localJanus);
            janus.add(started.uri());
            janusSecretFile = secretFile;
            return started;
        } catch (IOException e) {
            LOG.warn("Could not start Janus for study halls: {}. Running without them.", e.getMessage());
            return null;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ServerInfo.nameAndVersion()};
        }
    }
}

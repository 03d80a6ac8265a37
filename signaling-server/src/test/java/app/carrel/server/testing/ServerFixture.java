package app.carrel.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.carrel.server.CarrelServer;
import app.carrel.server.ServerConfig;
import app.carrel.server.access.AccessLimits;
import app.carrel.server.hall.HallConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a real CarrelServer per test on 127.0.0.1, port 0, with a fresh temp-file database and
 * keep-alive/grace times short enough for tests; closes every client it handed out and the server
 * afterwards. Register with {@code @RegisterExtension final ServerFixture server = new ServerFixture()}.
 */
public final class ServerFixture implements BeforeEachCallback, AfterEachCallback {

    // Settings: set while the test class is built, read when the server starts.
    private Integer maxCapacity;
    private Integer rateLimit;
    private Integer rateBurst;
    private Duration pingInterval = Duration.ofMillis(500);
    private Duration deadAfter = Duration.ofSeconds(5);
    private Duration resumeGrace = Duration.ofSeconds(2);
    private boolean admin;
    private List<String> stun = List.of();
    private List<String> turn = List.of();
    private String turnSecret;
    private SelfSignedCertificate tls;
    private HallConfig halls = HallConfig.none();
    private AccessLimits limits;
    private String joinCode;
    private String tlsKeyPassphrase;
    private String adminToken;
    private Duration roomTtl;
    private final MovableClock clock = new MovableClock();

    // Owned by the test thread.
    private final List<RecordingClient> clients = new ArrayList<>();
    private Path directory;
    private CarrelServer server;
    private RecordingClient creator;

    public ServerFixture maxCapacity(int value) {
        maxCapacity = value;
        return this;
    }

    /** Study halls through these Janus instances (set before the server starts). */
    public ServerFixture halls(HallConfig config) {
        halls = config;
        return this;
    }

    public ServerFixture rate(int perSecond, int burst) {
        rateLimit = perSecond;
        rateBurst = burst;
        return this;
    }

    public ServerFixture keepAlive(Duration ping, Duration dead) {
        pingInterval = ping;
        deadAfter = dead;
        return this;
    }

    public ServerFixture resumeGrace(Duration grace) {
        resumeGrace = grace;
        return this;
    }

    public ServerFixture admin() {
        admin = true;
        return this;
    }

    /** The admin API's rooms endpoints, open to this token (with {@link #admin()}). */
    public ServerFixture adminToken(String token) {
        adminToken = token;
        return this;
    }

    /** Rooms empty this long expire; the server looks every 100 ms. */
    public ServerFixture roomTtl(Duration ttl) {
        roomTtl = ttl;
        return this;
    }

    /** The server's wall clock; survives a restart, as time does. */
    public MovableClock clock() {
        return clock;
    }

    public ServerFixture ice(List<String> stunUrls, List<String> turnUrls, String secret) {
        stun = List.copyOf(stunUrls);
        turn = List.copyOf(turnUrls);
        turnSecret = secret;
        return this;
    }

    public ServerFixture tls(SelfSignedCertificate certificate) {
        tls = certificate;
        return this;
    }

    /** wss:// with the certificate's key encrypted under this passphrase ({@link SelfSignedCertificate#encryptedKeyPem}). */
    public ServerFixture tlsEncryptedKey(SelfSignedCertificate certificate, String passphrase) {
        tls = certificate;
        tlsKeyPassphrase = passphrase;
        return this;
    }

    /** Per-address limits (the server's defaults unless set). */
    public ServerFixture limits(AccessLimits value) {
        limits = value;
        return this;
    }

    public ServerFixture joinCode(String code) {
        joinCode = code;
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("carrel-contract");
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            clients.forEach(RecordingClient::closeQuietly);
            clients.clear();
            stop();
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Starts the server (again) on this test's database file. */
    public void start() {
        var builder = ServerConfig.builder();
        builder = builder.bind("127.0.0.1").port(0).database(database())
                .pingInterval(pingInterval).deadAfter(deadAfter).resumeGrace(resumeGrace);
        if (maxCapacity != null) {
            builder = builder.maxCapacity(maxCapacity);
        }
        if (rateLimit != null) {
            builder = builder.rateLimit(rateLimit).rateBurst(rateBurst);
        }
        if (admin) {
            builder = builder.adminPort(0);
        }
        builder = builder.stun(stun).turn(turn);
        if (turnSecret != null) {
            builder = builder.turnSecret(turnSecret);
        }
        if (tls != null && tlsKeyPassphrase != null) {
            builder = builder.tls(tls.certificatePem(), tls.encryptedKeyPem(tlsKeyPassphrase))
                    .tlsKeyPassphrase(tlsKeyPassphrase);
        } else if (tls != null) {
            builder = builder.tls(tls.certificatePem(), tls.keyPem());
        }
        if (limits != null) {
            builder = builder.limits(limits);
        }
        builder = builder.joinCode(joinCode);
        if (adminToken != null) {
            builder = builder.adminToken(adminToken);
        }
        if (roomTtl != null) {
            builder = builder.roomTtl(roomTtl).expirySweep(Duration.ofMillis(100));
        }
        server = CarrelServer.start(builder.halls(halls).clock(clock).build());
    }

    /** Closes the server (idempotent); the database file stays for a restart. */
    public void stop() {
        creator = null;
        if (server != null) {
            server.close();
        }
    }

    public CarrelServer server() {
        return server;
    }

    public Path database() {
        return directory.resolve("carrel.db");
    }

    public URI uri() {
        return server.uri();
    }

    /** A connected client whose {@code welcome} has been checked and consumed. */
    public RecordingClient connect() {
        RecordingClient client = connectWithoutWelcome();
        JsonNode welcome = client.expect("welcome");
        assertEquals(1, welcome.path("protocol").asInt(), () -> "protocol in " + welcome);
        return client;
    }

    public RecordingClient connectWithoutWelcome() {
        RecordingClient client = new RecordingClient(uri());
        clients.add(client);
        client.connectOrFail(tls == null ? null : tls.clientSocketFactory());
        return client;
    }

    /**
     * A connected client whose TCP connection comes from {@code localAddress} (another loopback
     * address, such as 127.0.0.2: Linux routes all of 127/8 to lo), welcome consumed: a second
     * "remote address" as the server sees it.
     */
    public RecordingClient connectFrom(String localAddress) {
        RecordingClient client = track(new RecordingClient(uri()));
        try {
            Socket socket = new Socket();
            socket.bind(new InetSocketAddress(localAddress, 0));
            client.setSocket(socket);
        } catch (IOException e) {
            throw new AssertionError("Cannot bind a client socket to " + localAddress, e);
        }
        client.connectOrFail(null);
        client.expect("welcome");
        return client;
    }

    /** A client this fixture tracks and closes, connected by the test itself (e.g. a silent one). */
    public <T extends RecordingClient> T track(T client) {
        clients.add(client);
        return client;
    }

    public SSLSocketFactory clientTls() {
        return tls == null ? null : tls.clientSocketFactory();
    }

    /** Creates a room from a connection that never lists rooms; returns the {@code room} object. */
    public JsonNode createRoom(String name, Integer capacity, String password) {
        if (creator == null) {
            creator = connect();
        }
        List<Object> fields = new ArrayList<>(List.of("type", "create-room", "id", "create", "name", name));
        if (capacity != null) {
            fields.addAll(List.of("capacity", capacity));
        }
        if (password != null) {
            fields.addAll(List.of("password", password));
        }
        creator.sendJson(fields.toArray());
        return creator.expect("room-created").path("room");
    }

    /** Creates a room from a new connection; returns the whole {@code room-created} (with its {@code owner} token). */
    public JsonNode createOwnedRoom(String name, Integer capacity) {
        RecordingClient owner = connect();
        List<Object> fields = new ArrayList<>(List.of("type", "create-room", "id", "create", "name", name));
        if (capacity != null) {
            fields.addAll(List.of("capacity", capacity));
        }
        owner.sendJson(fields.toArray());
        return owner.expect("room-created");
    }

    public String createRoom(String name) {
        return createRoom(name, null, null).path("id").asText();
    }

    /** A new connection joined to {@code room} as {@code name}; extra fields go into the join. */
    public Member join(String room, String name, Object... extra) {
        return join(connect(), room, name, extra);
    }

    public Member join(RecordingClient client, String room, String name, Object... extra) {
        List<Object> fields = new ArrayList<>(List.of("type", "join", "id", "join", "room", room, "name", name));
        fields.addAll(Arrays.asList(extra));
        client.sendJson(fields.toArray());
        return Member.of(client, client.expect("joined"));
    }

    /** Two members of one fresh room: {@code pair[0]} joined first and has seen {@code pair[1]} arrive. */
    public Member[] pair() {
        String room = createRoom("Pair " + System.nanoTime());
        Member alice = join(room, "Alice");
        Member bob = join(room, "Bob");
        alice.expect("peer-joined");
        return new Member[] {alice, bob};
    }
}

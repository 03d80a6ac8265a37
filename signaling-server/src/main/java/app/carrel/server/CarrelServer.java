package app.carrel.server;

import app.carrel.protocol.Codec;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.access.JoinCode;
import app.carrel.server.admin.AdminServer;
import app.carrel.server.admin.ServerMetrics;
import app.carrel.server.gateway.Gateway;
import app.carrel.server.gateway.KeepAlive;
import app.carrel.server.gateway.OutputBatch;
import app.carrel.server.hall.Halls;
import app.carrel.server.rooms.RoomsTurn;
import app.carrel.server.security.IceServers;
import app.carrel.server.security.PasswordHasher;
import app.carrel.server.security.TlsContext;
import app.carrel.server.socket.SignalingServer;
import app.carrel.server.storage.Storage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running signaling server: WebSocket endpoint, room logic, database and admin port, started
 * synchronously and closed gracefully. Clients rely on the wire contract (docs/protocol.md, checked by
 * the *ContractTest classes); bench/ and the client's tests start it in-process through
 * {@link #start}, {@link #uri}, {@link #port} and {@link #close}.
 */
public final class CarrelServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CarrelServer.class);

    /** How long start-up waits for the Janus instances (see connectHalls). */
    private static final Duration JANUS_WAIT = Duration.ofSeconds(5);

    private final ServerConfig config;
    private final Storage storage;
    private final RoomsTurn rooms;
    private final SignalingServer socket;
    private final KeepAlive keepAlive;
    private final AdminServer admin;
    private final Halls halls;
    private final Priming priming;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CarrelServer(ServerConfig config, Storage storage, RoomsTurn rooms, SignalingServer socket,
                         KeepAlive keepAlive, AdminServer admin, Halls halls, Priming priming) {
        this.halls = halls;
        this.priming = priming;
        this.config = config;
        this.storage = storage;
        this.rooms = rooms;
        this.socket = socket;
        this.keepAlive = keepAlive;
        this.admin = admin;
    }

    /** Returns once the server listens; throws (unchecked) when it cannot. */
    public static CarrelServer start(ServerConfig config) {
        Storage storage;
        try {
            storage = Storage.open(config.database());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open database " + config.database() + ": " + e.getMessage(), e);
        }
        Priming priming = Priming.inBackground(config.sizes(), storage.snapshot().seated().size());
        RoomsTurn rooms = new RoomsTurn(config.clock());
        SignalingServer socket = null;
        KeepAlive keepAlive = null;
        try {
            ServerMetrics metrics = new ServerMetrics();
            Codec codec = new Codec();
            RoomLogic logic = new RoomLogic(rooms, storage, metrics, codec, new PasswordHasher(),
                    new IceServers(config.stun(), config.turn(), config.turnSecret()),
                    config.sizes(), config.resumeGrace(), config.halls(), config.limits(),
                    config.joinCode() == null ? null : new JoinCode(config.joinCode()),
                    config.roomTtl(), config.expirySweep());
            restore(rooms, logic, storage);
            rooms.execute(logic.expiry()::start);
            connectHalls(rooms, logic);

            String welcome = codec.encode(new ServerMessage.Welcome(1, ServerInfo.nameAndVersion(),
                    config.joinCode() == null ? null : Boolean.TRUE));
            Gateway gateway = new Gateway(codec, logic.dispatcher(), rooms, metrics, config.rateLimit(), config.rateBurst(),
                    welcome);
            OutputBatch output = new OutputBatch(rooms::isCurrent);
            rooms.afterBurst(output::flush);
            socket = new SignalingServer(new InetSocketAddress(config.bind(), config.port()), gateway, tls(config),
                    output);
            socket.startAndWait();
            keepAlive = new KeepAlive(socket::connections, config.pingInterval(), config.deadAfter());
            keepAlive.start();
            AdminServer admin = config.adminPort() < 0 ? null
                    : AdminServer.start(config.bind(), config.adminPort(), metrics, logic.adminRooms(),
                            config.adminToken());
            CarrelServer server = new CarrelServer(config, storage, rooms, socket, keepAlive, admin, logic.halls(), priming);
            LOG.info("Carrel signaling server {} listening on {} (port {}){}", ServerInfo.VERSION, server.uri(),
                    server.port(), admin == null ? "" : "; admin on port " + admin.port());
            return server;
        } catch (Exception e) {
            priming.close();
            if (keepAlive != null) {
                keepAlive.close();
            }
            stopSocket(socket);
            rooms.close();
            storage.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Carrel server failed to start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return socket.getPort();
    }

    public int adminPort() {
        return admin == null ? -1 : admin.port();
    }

    public URI uri() {
        String host = switch (config.bind()) {
            case "0.0.0.0", "" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
        };
        return URI.create((config.tls() ? "wss" : "ws") + "://" + host + ":" + port() + SignalingServer.PATH);
    }

    /**
     * Closes every connection with 1001, lets in-flight work finish, writes what is queued and
     * closes the database. Idempotent; afterwards a new server may open the same file.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Shutting down: closing connections with 1001");
        priming.close();
        keepAlive.close();
        stopSocket(socket);
        rooms.execute(halls::close);
        rooms.close();
        storage.close();
        if (admin != null) {
            admin.close();
        }
        LOG.info("Carrel signaling server stopped");
    }

    /**
     * Connects to the Janus instances before listening, so that people resuming their seats in a
     * hall right after a restart find it carried. One that does not answer within
     * {@link #JANUS_WAIT} is tried again in the background.
     */
    private static void connectHalls(RoomsTurn rooms, RoomLogic logic) throws InterruptedException {
        CompletableFuture<CompletableFuture<Void>> started = new CompletableFuture<>();
        rooms.execute(() -> started.complete(logic.halls().start()));
        try {
            started.get(JANUS_WAIT.toMillis(), TimeUnit.MILLISECONDS).get(JANUS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Not every Janus answered within {} s; halls will use those that do", JANUS_WAIT.toSeconds());
        }
    }

    private static void restore(RoomsTurn rooms, RoomLogic logic, Storage storage) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        rooms.execute(() -> {
            try {
                logic.restore(storage.snapshot());
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(30, TimeUnit.SECONDS);
    }

    private static SSLContext tls(ServerConfig config) throws IOException, GeneralSecurityException {
        return config.tls() ? TlsContext.fromPem(config.tlsCert(), config.tlsKey(), config.tlsKeyPassphrase()) : null;
    }

    private static void stopSocket(SignalingServer socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.shutdown(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            LOG.warn("Interrupted while closing connections");
            Thread.currentThread().interrupt();
        }
    }
}

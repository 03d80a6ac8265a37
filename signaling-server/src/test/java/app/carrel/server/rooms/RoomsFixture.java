package app.carrel.server.rooms;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.Codec;
import app.carrel.protocol.Decoded;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.admin.ServerMetrics;
import app.carrel.server.connection.RateLimiter;
import app.carrel.server.lobby.LobbyFeed;
import app.carrel.server.security.IceServers;
import app.carrel.server.security.PasswordHasher;
import app.carrel.server.storage.Storage;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/** Room logic wired as the server wires it, minus sockets: a fake clock and a real temp database. */
final class RoomsFixture implements AutoCloseable {
    static final Duration GRACE = Duration.ofSeconds(30);
    private static final Codec CODEC = new Codec();

    final ManualRoomsExecutor executor = new ManualRoomsExecutor();
    final ServerMetrics metrics = new ServerMetrics();
    final Storage storage;
    final RoomDirectory directory = new RoomDirectory(metrics);
    final Dispatcher dispatcher;
    final RoomsContext ctx;

    RoomsFixture(Path db) throws SQLException {
        storage = Storage.open(db);
        Outbox outbox = new Outbox(CODEC, metrics);
        ctx = new RoomsContext(directory, outbox, executor, new RequestOrder(executor, outbox), storage,
                new LobbyFeed(directory, outbox, executor), metrics, new PasswordHasher(1000),
                new IceServers(List.of("stun:stun.example.org"), List.of(), null), 4, GRACE);
        dispatcher = new Dispatcher(ctx);
        executor.execute(() -> new Restorer(ctx, dispatcher).restore(storage.snapshot()));
        executor.runQueued();
    }

    record Client(Connection connection, RecordingOutlet outlet) {
        <T extends ServerMessage> T next(Class<T> type) {
            return outlet.next(type);
        }

        boolean silent() {
            return outlet.sent.isEmpty();
        }
    }

    Client connect() {
        RecordingOutlet outlet = new RecordingOutlet();
        return new Client(new Connection(outlet, new RateLimiter(100, 300, 0), 0), outlet);
    }

    void send(Client client, String json) {
        deliver(client, json);
        executor.runAll();
    }

    /** Queues the message for the rooms thread without running anything. */
    void deliver(Client client, String json) {
        Decoded<ClientMessage> d = CODEC.decodeClient(json);
        if (d instanceof Decoded.Ok<ClientMessage> ok) {
            executor.execute(() -> dispatcher.onMessage(client.connection(), ok.message()));
        } else if (d instanceof Decoded.Invalid<ClientMessage> bad) {
            executor.execute(() -> dispatcher.onInvalid(client.connection(), bad.id(), bad.code(), bad.reason()));
        }
    }

    /** Hands the rooms thread a message as if decoded, bypassing the codec's checks. */
    void sendDecoded(Client client, ClientMessage message) {
        executor.execute(() -> dispatcher.onMessage(client.connection(), message));
        executor.runAll();
    }

    void disconnect(Client client) {
        executor.execute(() -> dispatcher.onDisconnect(client.connection()));
        executor.runAll();
    }

    String createRoom(String name, int capacity, String password) {
        Client creator = connect();
        send(creator, "{\"type\":\"create-room\",\"name\":\"" + name + "\",\"capacity\":" + capacity
                + (password == null ? "" : ",\"password\":\"" + password + "\"") + "}");
        return creator.next(ServerMessage.RoomCreated.class).room().id();
    }

    /** Joins a fresh client and returns it with its joined message consumed. */
    Client join(String room, String name) {
        Client c = connect();
        send(c, "{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"" + name + "\"}");
        return c;
    }

    @Override
    public void close() {
        storage.close();
    }
}

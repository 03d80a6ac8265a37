package app.carrel.server.testing;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.Codec;
import app.carrel.protocol.Decoded;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.RoomLogic;
import app.carrel.server.hall.HallConfig;
import app.carrel.server.rooms.RoomSizes;
import app.carrel.server.admin.ServerMetrics;
import app.carrel.server.gateway.Dispatcher;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.RoomDirectory;
import app.carrel.server.security.IceServers;
import app.carrel.server.security.PasswordHasher;
import app.carrel.server.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Room logic wired as the server wires it ({@link RoomLogic}), minus sockets: a fake clock and a
 * real temp-file database, fresh for every test. Register it as a field:
 * {@code @RegisterExtension final RoomsFixture rooms = new RoomsFixture();}. The test thread is
 * the rooms thread.
 */
public final class RoomsFixture implements BeforeEachCallback, AfterEachCallback {
    public static final Duration GRACE = Duration.ofSeconds(30);
    private static final Codec CODEC = new Codec();

    public final ManualRoomsExecutor executor = new ManualRoomsExecutor();
    public RoomDirectory directory;
    private Path dir;
    private Storage storage;
    private Dispatcher dispatcher;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("carrel-rooms");
        storage = Storage.open(dir.resolve("t.db"));
        RoomLogic logic = new RoomLogic(executor, storage, new ServerMetrics(), CODEC, new PasswordHasher(1000),
                new IceServers(List.of("stun:stun.example.org"), List.of(), null), new RoomSizes(4, 4, false), GRACE,
                HallConfig.none());
        directory = logic.directory();
        dispatcher = logic.dispatcher();
        executor.execute(() -> logic.restore(storage.snapshot()));
        executor.runQueued();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        storage.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    public record Client(Connection connection, RecordingOutlet outlet) {
        public <T extends ServerMessage> T next(Class<T> type) {
            return outlet.next(type);
        }

        public boolean silent() {
            return outlet.sent.isEmpty();
        }
    }

    public Client connect() {
        RecordingOutlet outlet = new RecordingOutlet();
        return new Client(new Connection(outlet), outlet);
    }

    public void send(Client client, String json) {
        deliver(client, json);
        executor.runAll();
    }

    /** Queues the message for the rooms thread without running anything. */
    public void deliver(Client client, String json) {
        Decoded<ClientMessage> d = CODEC.decodeClient(json);
        if (d instanceof Decoded.Ok<ClientMessage> ok) {
            executor.execute(() -> dispatcher.onMessage(client.connection(), ok.message()));
        } else if (d instanceof Decoded.Invalid<ClientMessage> bad) {
            executor.execute(() -> dispatcher.onInvalid(client.connection(), bad.id(), bad.code(), bad.reason()));
        }
    }

    /** Hands the rooms thread a message as if decoded, bypassing the codec's checks. */
    public void sendDecoded(Client client, ClientMessage message) {
        executor.execute(() -> dispatcher.onMessage(client.connection(), message));
        executor.runAll();
    }

    public void disconnect(Client client) {
        executor.execute(() -> dispatcher.onDisconnect(client.connection()));
        executor.runAll();
    }

    public String createRoom(String name, int capacity, String password) {
        Client creator = connect();
        send(creator, "{\"type\":\"create-room\",\"name\":\"" + name + "\",\"capacity\":" + capacity
                + (password == null ? "" : ",\"password\":\"" + password + "\"") + "}");
        return creator.next(ServerMessage.RoomCreated.class).room().id();
    }

    /** Joins a fresh client and returns it with its joined message consumed. */
    public Client join(String room, String name) {
        Client c = connect();
        send(c, "{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"" + name + "\"}");
        return c;
    }
}

package app.carrel.client.lobby;

import app.carrel.client.i18n.Texts;
import app.carrel.client.signaling.SignalingClient;
import app.carrel.client.signaling.SignalingListener;
import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.Room;
import app.carrel.protocol.ServerMessage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.application.Platform;
import javax.net.ssl.SSLContext;

/**
 * The lobby's own light connection (no media stack needed to browse rooms): lists rooms, stays
 * subscribed to their updates, creates rooms. Every callback and future completes on the FX
 * thread, because the client hands everything to the executor it is given.
 */
final class LobbyConnection {

    private static final Duration TIMEOUT = Duration.ofSeconds(8);

    private final SignalingClient client;

    /** {@code trust}: certificates a wss:// server may present; null = the JVM's trust store. */
    /** {@code onLost} is told which connection was lost, so an old one's news can be told apart. */
    // onRoomDelta: a room-added, room-changed or room-removed (we ask for deltas, docs/protocol.md §12).
    LobbyConnection(URI uri, SSLContext trust, Consumer<List<Room>> onRooms, Consumer<ServerMessage> onRoomDelta,
                    BiConsumer<LobbyConnection, String> onLost) {
        this.client = new SignalingClient(uri, Platform::runLater, new SignalingListener() {
            @Override
            public void onMessage(ServerMessage message) {
                if (message instanceof ServerMessage.Rooms rooms) {
                    onRooms.accept(rooms.rooms());
                } else if (message instanceof ServerMessage.RoomAdded || message instanceof ServerMessage.RoomChanged
                        || message instanceof ServerMessage.RoomRemoved) {
                    onRoomDelta.accept(message);
                }
            }

            @Override
            public void onClosed(int code, String reason, boolean byUs) {
                if (!byUs) {
                    onLost.accept(LobbyConnection.this, Texts.get("lobby.closedByServer", code));
                }
            }
        }, TIMEOUT, trust);
    }

    /**
     * Connects (giving {@code joinCode} if the server asks; may be null) and subscribes, asking
     * for deltas after the first list; completes with that list.
     */
    /** A room with long breaks has one after every 4th focus phase, of the server's default 15 min. */
    static final int LONG_BREAK_EVERY = 4;

    CompletableFuture<List<Room>> open(String joinCode) {
        return client.connect(TIMEOUT, joinCode)
                .thenCompose(w -> client.request(id -> new ClientMessage.ListRooms(id, true)))
                .thenApply(m -> ((ServerMessage.Rooms) m).rooms());
    }

    /** The answer carries the room and, from a server with owners, our owner token. */
    CompletableFuture<ServerMessage.RoomCreated> createRoom(String name, int capacity, String password, boolean quiet,
                                                            boolean longBreaks) {
        return client.request(id -> new ClientMessage.CreateRoom(id, name, capacity, password,
                        quiet ? Boolean.TRUE : null, longBreaks ? LONG_BREAK_EVERY : null, null))
                .thenApply(m -> (ServerMessage.RoomCreated) m);
    }

    CompletableFuture<ServerMessage.RoomUpdated> updateRoom(String room, String owner, String name, Integer capacity,
                                                            String password, Boolean keep) {
        return client.request(id -> new ClientMessage.UpdateRoom(id, room, owner, name, capacity, password, keep))
                .thenApply(m -> (ServerMessage.RoomUpdated) m);
    }

    CompletableFuture<ServerMessage.RoomDeleted> deleteRoom(String room, String owner) {
        return client.request(id -> new ClientMessage.DeleteRoom(id, room, owner))
                .thenApply(m -> (ServerMessage.RoomDeleted) m);
    }

    void close() {
        client.close();
    }
}

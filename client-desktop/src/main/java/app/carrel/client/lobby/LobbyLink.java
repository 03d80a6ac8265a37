package app.carrel.client.lobby;

import app.carrel.client.i18n.Texts;
import app.carrel.client.signaling.SignalingException;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.Room;
import app.carrel.protocol.ServerMessage;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lobby's connection over time: one {@link LobbyConnection} at a time, replaced by each
 * connect, and whether it is up. What happens to it goes to {@link Events}. FX thread only (the
 * connection completes everything there).
 */
final class LobbyLink {

    interface Events {
        /** Connected: the first room list. */
        void opened(URI server, List<Room> rooms);

        void unreachable(URI server, String reason);

        /** The server wants its join code: none was given ({@code wrong} false) or it was wrong. */
        void joinCodeNeeded(URI server, boolean wrong);

        /** The server answered and refused us, for a reason in its error code (said in our words). */
        void refused(URI server, String reason);

        /** An open connection dropped. */
        void lost(String reason);

        void rooms(List<Room> rooms);

        /** A room-added, room-changed or room-removed after the first list. */
        void roomDelta(ServerMessage delta);
    }

    private static final Logger log = LoggerFactory.getLogger(LobbyLink.class);

    private final Events events;
    private LobbyConnection connection;
    private boolean online;

    LobbyLink(Events events) {
        this.events = events;
    }

    boolean online() {
        return online;
    }

    /**
     * Drops any connection and opens one to {@code server}, giving {@code joinCode} (may be null)
     * if it asks; a newer open supersedes this one.
     */
    void open(URI server, SSLContext trust, String joinCode) {
        close();
        LobbyConnection fresh = new LobbyConnection(server, trust, events::rooms, events::roomDelta, this::onLost);
        connection = fresh;
        fresh.open(joinCode).handle((list, error) -> {
            if (fresh != connection) {
                return null; // superseded by a newer connect
            }
            if (error != null) {
                online = false;
                fresh.close(); // a server that refused our join code keeps the socket open
                ErrorCode code = SignalingException.unwrap(error) instanceof SignalingException s ? s.code() : null;
                if (code == ErrorCode.JOIN_CODE_REQUIRED || code == ErrorCode.WRONG_JOIN_CODE) {
                    log.info("{} wants its join code ({})", server, code.wire());
                    events.joinCodeNeeded(server, code == ErrorCode.WRONG_JOIN_CODE);
                } else if (code != null) {
                    events.refused(server, reasonOf(error));
                } else {
                    log.info("Cannot reach {}: {}", server, reasonOf(error));
                    events.unreachable(server, reasonOf(error));
                }
            } else {
                online = true;
                events.opened(server, list);
            }
            return null;
        }).exceptionally(failure -> {
            log.error("Handling the connection to {} failed", server, failure); // never swallowed
            return null;
        });
    }

    /** Null when there is no open connection. */
    CompletableFuture<ServerMessage.RoomCreated> createRoom(String name, int capacity, String password, boolean quiet,
                                                            boolean longBreaks) {
        return connection == null || !online ? null : connection.createRoom(name, capacity, password, quiet, longBreaks);
    }

    /** Owners: null when there is no open connection. */
    CompletableFuture<ServerMessage.RoomUpdated> updateRoom(String room, String owner, String name, Integer capacity,
                                                            String password, Boolean keep) {
        return connection == null || !online ? null
                : connection.updateRoom(room, owner, name, capacity, password, keep);
    }

    /** Owners: null when there is no open connection. */
    CompletableFuture<ServerMessage.RoomDeleted> deleteRoom(String room, String owner) {
        return connection == null || !online ? null : connection.deleteRoom(room, owner);
    }

    void close() {
        online = false;
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private void onLost(LobbyConnection lost, String reason) {
        if (lost != connection || !online) {
            return; // an old connection, or one that never opened (open reports that itself)
        }
        online = false;
        events.lost(reason);
    }

    static String reasonOf(Throwable error) {
        Throwable e = SignalingException.unwrap(error);
        // The server's English message stays in the log; a person reads our words for its code.
        if (e instanceof SignalingException s && s.code() != null) {
            log.info("The server refused: {}", s.reason());
            return Texts.error(s.code());
        }
        return String.valueOf(e.getMessage());
    }
}

package app.carrel.client.lobby;

import app.carrel.client.settings.SettingsModel;
import app.carrel.client.signaling.ServerTrust;
import app.carrel.client.signaling.SignalingException;
import app.carrel.client.status.StatusModel;
import app.carrel.protocol.Room;
import app.carrel.protocol.TextRules;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lobby: which server, its rooms as the server pushes them, and the person's name there.
 * Failures end up in {@link #noticeProperty()} (with {@link #canRetryProperty()} when the server
 * could not be reached). FX thread only.
 */
public final class LobbyModel {

    private static final Logger log = LoggerFactory.getLogger(LobbyModel.class);

    private final SettingsModel settings;
    private final StatusModel status;
    private final Consumer<JoinRequest> onJoin;
    private final ObservableList<Room> rooms = FXCollections.observableArrayList();
    private final ObservableList<Room> roomsView = FXCollections.unmodifiableObservableList(rooms);
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper(this, "server");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper(this, "canRetry");
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online");
    private LobbyConnection connection;
    private URI uri;
    private SSLContext trust;
    /** The trust-cert setting {@link #trust} was made from, to notice when it changes. */
    private String trustSource = "";
    // While a room is shown its engine speaks for the status banner, not this connection.
    private boolean ownsStatus = true;
    /** Asks the person for a locked room's password (true: the last one was wrong). */
    private BiConsumer<Room, Boolean> passwordPrompt = (room, retry) -> { };

    public LobbyModel(SettingsModel settings, StatusModel status, Consumer<JoinRequest> onJoin) {
        this.settings = settings;
        this.status = status;
        this.onJoin = onJoin;
        server.set(settings.serverProperty().get());
        name.set(settings.nameFor(server.get()));
    }

    public ObservableList<Room> rooms() {
        return roomsView;
    }

    public ReadOnlyStringProperty serverProperty() {
        return server.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRetryProperty() {
        return canRetry.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    /** Connects to the address typed (remembered for next time) and lists its rooms. */
    public void connect(String address) {
        URI parsed;
        try {
            parsed = ServerAddress.parse(address);
        } catch (IllegalArgumentException e) {
            showNotice(e.getMessage(), false);
            return;
        }
        SSLContext trusted;
        try {
            trusted = trustOf(settings.trustCertProperty().get());
        } catch (IOException | GeneralSecurityException e) {
            log.warn("Cannot use the trusted certificate {}: {}", settings.trustCertProperty().get(), e.toString());
            closeConnection();
            online.set(false);
            rooms.clear();
            if (ownsStatus) {
                status.offline("the trusted certificate cannot be read");
            }
            showNotice("The trusted certificate " + settings.trustCertProperty().get() + " cannot be used ("
                    + e.getMessage() + "). Fix it in Settings.", false);
            return;
        }
        closeConnection();
        if (!address.strip().equals(server.get())) {
            rooms.clear(); // another server's rooms cannot be joined here
        }
        trust = trusted;
        trustSource = settings.trustCertProperty().get();
        uri = parsed;
        server.set(address.strip());
        settings.setServer(server.get());
        name.set(settings.nameFor(server.get()));
        online.set(false);
        showNotice("", false);
        if (ownsStatus) {
            status.connecting(uri.toString());
        }
        LobbyConnection[] self = new LobbyConnection[1];
        LobbyConnection fresh = new LobbyConnection(parsed, trusted, this::onRooms, reason -> onLost(self[0], reason));
        self[0] = fresh;
        connection = fresh;
        fresh.open().whenComplete((list, error) -> {
            if (fresh != connection) {
                return; // superseded by a newer connect
            }
            if (error != null) {
                log.info("Cannot reach {}: {}", parsed, reasonOf(error));
                if (ownsStatus) {
                    status.offline("cannot reach " + parsed);
                }
                online.set(false);
                rooms.clear(); // nothing here can be joined until it answers
                showNotice("Cannot reach the server at " + parsed + " (" + reasonOf(error) + ").", true);
            } else {
                if (ownsStatus) {
                    status.connected(parsed.toString());
                }
                online.set(true);
                onRooms(list);
            }
        });
    }

    /** The settings dialog was saved: follow a new server or certificate, show the name kept for it. */
    public void applySettings() {
        if (!settings.serverProperty().get().equals(server.get())
                || !settings.trustCertProperty().get().equals(trustSource)) {
            connect(settings.serverProperty().get());
        } else {
            name.set(settings.nameFor(server.get()));
        }
    }

    /** A room (or its pre-join) takes over the status banner until {@link #resume()}. */
    public void suspendStatus() {
        ownsStatus = false;
    }

    /** Back from a room: the lobby connection stayed subscribed, so only the banner changes. */
    public void resume() {
        ownsStatus = true;
        if (online.get() && uri != null) {
            status.connected(uri.toString());
        } else {
            retry();
        }
    }

    public void retry() {
        connect(server.get());
    }

    /** Creates a room; the list shows it when the server pushes the update. */
    public void createRoom(String roomName, int capacity, String password) {
        String valid = TextRules.roomName(roomName == null ? "" : roomName);
        if (valid == null) {
            showNotice("A room name has 1–" + TextRules.MAX_ROOM_NAME + " characters and no control characters.", false);
            return;
        }
        if (connection == null || !online.get()) {
            showNotice("Not connected to a server; connect first.", true);
            return;
        }
        String pass = password == null || password.isBlank() ? null : password;
        connection.createRoom(valid, capacity, pass).whenComplete((room, error) -> {
            if (error != null) {
                showNotice("Could not create '" + valid + "': " + reasonOf(error), false);
            } else {
                showNotice("", false);
                log.info("Created room {} ({})", room.name(), room.id());
            }
        });
    }

    /** The view's way of asking for a password; the lobby decides when. */
    public void onPasswordNeeded(BiConsumer<Room, Boolean> prompt) {
        this.passwordPrompt = prompt;
    }

    /**
     * Checks the name here (the server would refuse it anyway) and hands the join on; a locked
     * room without a password first asks for one.
     */
    public void join(Room room, String displayName, String password) {
        String valid = TextRules.displayName(displayName == null ? "" : displayName);
        if (valid == null) {
            showNotice("Invalid name: a display name has 1–" + TextRules.MAX_NAME
                    + " characters and no control characters.", false);
            return;
        }
        if (room.participants() >= room.capacity()) {
            showNotice("Room '" + room.name() + "' is full (" + room.participants() + "/" + room.capacity() + ").", false);
            return;
        }
        if (!online.get()) {
            showNotice("Not connected to " + server.get() + "; connect first.", true);
            return;
        }
        settings.rememberName(server.get(), valid);
        name.set(valid);
        if (room.locked() && (password == null || password.isEmpty())) {
            passwordPrompt.accept(room, false);
            return;
        }
        showNotice("", false);
        onJoin.accept(new JoinRequest(uri, server.get(), room, valid, password, trust));
    }

    /**
     * A join failed further on (pre-join or the server's answer): say why, here. A wrong
     * password asks again at once rather than leaving the person to find the room and click.
     */
    public void showJoinFailure(Room room, String message, boolean wrongPassword) {
        if (wrongPassword) {
            showNotice("", false);
            passwordPrompt.accept(room, true);
        } else {
            showNotice(message, false);
        }
    }

    /** The room sent us back (the server would not seat us again after an outage): say why. */
    public void showRoomEnded(String reason) {
        showNotice(reason, false);
    }

    public void close() {
        closeConnection();
    }

    private void onRooms(List<Room> list) {
        rooms.setAll(list);
    }

    private void onLost(LobbyConnection lost, String reason) {
        if (lost != connection || !online.get()) {
            return; // an old connection, or one that never opened (connect reports that itself)
        }
        online.set(false);
        if (ownsStatus) {
            status.offline(reason);
        }
        showNotice("Lost the connection to the server: " + reason + ".", true);
    }

    private void showNotice(String text, boolean retry) {
        notice.set(text);
        canRetry.set(retry);
    }

    private void closeConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private static SSLContext trustOf(String pemPath) throws IOException, GeneralSecurityException {
        return pemPath == null || pemPath.isBlank() ? null : ServerTrust.fromPem(Path.of(pemPath));
    }

    static String reasonOf(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return e instanceof SignalingException s ? s.reason() : String.valueOf(e.getMessage());
    }
}

package app.carrel.client.lobby;

import app.carrel.client.i18n.Texts;
import app.carrel.client.settings.SettingsModel;
import app.carrel.client.status.StatusModel;
import app.carrel.client.owners.RoomActions;
import app.carrel.protocol.Room;
import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TextRules;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lobby as the view shows it: which server, its rooms as the server pushes them, and the
 * person's name there. Failures end up in {@link #noticeProperty()} (with
 * {@link #canRetryProperty()} when the server could not be reached). The connection is
 * {@link LobbyLink}'s, the certificate {@link CertificateTrust}'s, the status banner
 * {@link LobbyStatus}'s. FX thread only.
 */
public final class LobbyModel {

    private static final Logger log = LoggerFactory.getLogger(LobbyModel.class);

    private final SettingsModel settings;
    private final LobbyStatus status;
    private final LobbyLink link = new LobbyLink(new LobbyLink.Events() {
        @Override
        public void opened(URI server, List<Room> list) {
            onOpened(server, list);
        }

        @Override
        public void unreachable(URI server, String reason) {
            onUnreachable(server, reason);
        }

        @Override
        public void joinCodeNeeded(URI server, boolean wrong) {
            onJoinCodeNeeded(server, wrong);
        }

        @Override
        public void refused(URI server, String reason) {
            onRefused(server, reason);
        }

        @Override
        public void lost(String reason) {
            onLost(reason);
        }

        @Override
        public void rooms(List<Room> list) {
            onRooms(list);
        }

        @Override
        public void roomDelta(ServerMessage delta) {
            RoomDeltas.apply(rooms, delta);
        }
    });
    private final CertificateTrust certificate = new CertificateTrust();
    private final Consumer<JoinRequest> onJoin;
    private final ObservableList<Room> rooms = FXCollections.observableArrayList();
    private final ObservableList<Room> roomsView = FXCollections.unmodifiableObservableList(rooms);
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper(this, "server");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper(this, "canRetry");
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online");
    private URI uri;
    private SSLContext trust;
    /** Asks the person for a locked room's password (true: the last one was wrong). */
    private BiConsumer<Room, Boolean> passwordPrompt = (room, retry) -> { };
    /** Asks the person for the server's join code (true: the last one was wrong). */
    private BiConsumer<String, Boolean> joinCodePrompt = (serverAddress, wrong) -> { };
    /** The join code the current connection attempt gives, remembered for the server once it works. */
    private String attemptCode;

    public LobbyModel(SettingsModel settings, StatusModel status, Consumer<JoinRequest> onJoin) {
        this.settings = settings;
        this.status = new LobbyStatus(status);
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
        connect(address, null);
    }

    /** The person typed the server's join code: connect with it, and remember it once it works. */
    public void submitJoinCode(String code) {
        String typed = code == null ? "" : code.strip();
        if (typed.isEmpty()) {
            joinCodePrompt.accept(server.get(), false);
            return;
        }
        connect(server.get(), typed);
    }

    /** The view's way of asking for the join code; the lobby decides when. */
    public void onJoinCodeNeeded(BiConsumer<String, Boolean> prompt) {
        this.joinCodePrompt = prompt;
    }

    /** {@code typedCode}: a code the person just gave; null = the one remembered for that server, if any. */
    private void connect(String address, String typedCode) {
        URI parsed;
        try {
            parsed = ServerAddress.parse(address);
        } catch (IllegalArgumentException e) {
            showNotice(e.getMessage(), false);
            return;
        }
        SSLContext trusted;
        try {
            trusted = certificate.load(settings.trustCertProperty().get());
        } catch (IOException | GeneralSecurityException e) {
            log.warn("Cannot use the trusted certificate {}: {}", settings.trustCertProperty().get(), e.toString());
            link.close();
            online.set(false);
            rooms.clear();
            status.offline(Texts.get("lobby.certificateUnreadable"));
            showNotice(Texts.get("lobby.certificateUnusable", settings.trustCertProperty().get(), e.getMessage()), false);
            return;
        }
        link.close();
        if (!address.strip().equals(server.get())) {
            rooms.clear(); // another server's rooms cannot be joined here
        }
        trust = trusted;
        uri = parsed;
        server.set(address.strip());
        settings.setServer(server.get());
        name.set(settings.nameFor(server.get()));
        online.set(false);
        showNotice("", false);
        status.connecting(uri.toString());
        attemptCode = typedCode != null ? typedCode : settings.joinCodeFor(server.get());
        link.open(parsed, trusted, attemptCode);
    }

    /** The settings dialog was saved: follow a new server or certificate, show the name kept for it. */
    public void applySettings() {
        if (!settings.serverProperty().get().equals(server.get())
                || certificate.changed(settings.trustCertProperty().get())) {
            connect(settings.serverProperty().get());
        } else {
            name.set(settings.nameFor(server.get()));
        }
    }

    /** A room (or its pre-join) takes over the status banner until {@link #resume()}. */
    public void suspendStatus() {
        status.suspend();
    }

    /** Back from a room: the lobby connection stayed subscribed, so only the banner changes. */
    public void resume() {
        status.resume();
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
        createRoom(roomName, capacity, password, false, false);
    }

    /**
     * {@code quiet}: a room where nobody's microphone is on; {@code longBreaks}: a long break is
     * offered after every 4th focus phase (docs/protocol.md §13).
     */
    public void createRoom(String roomName, int capacity, String password, boolean quiet, boolean longBreaks) {
        String valid = TextRules.roomName(roomName == null ? "" : roomName);
        if (valid == null) {
            showNotice(Texts.get("lobby.invalidRoomName", TextRules.MAX_ROOM_NAME), false);
            return;
        }
        String pass = password == null || password.isBlank() ? null : password;
        CompletableFuture<ServerMessage.RoomCreated> created = online.get() ? link.createRoom(valid, capacity, pass, quiet, longBreaks) : null;
        if (created == null) {
            showNotice(Texts.get("lobby.notConnected"), true);
            return;
        }
        String serverAddress = server.get();
        created.whenComplete((answer, error) -> {
            if (error != null) {
                showNotice(Texts.get("lobby.createFailed", valid, LobbyLink.reasonOf(error)), false);
            } else {
                showNotice("", false);
                Room room = answer.room();
                if (answer.owner() != null) {
                    settings.rememberOwnerToken(serverAddress, room.id(), answer.owner());
                }
                log.info("Created room {} ({})", room.name(), room.id());
            }
        });
    }

    /** The owner's actions on {@code room} (this server's token for it), or null when we do not own it. */
    public RoomActions ownerActions(Room room) {
        String token = settings.ownerToken(server.get(), room.id());
        return token == null ? null : new LobbyRoomActions(room, token);
    }

    /** Our owner token for a room on this server, for the room view; null when not ours. */
    public String ownerToken(String roomId) {
        return settings.ownerToken(server.get(), roomId);
    }

    /** The room is gone (we deleted it, or it was): its token is of no more use. */
    public void forgetOwner(String roomId) {
        settings.forgetOwnerToken(server.get(), roomId);
    }

    /** The owner's requests from the lobby, on the lobby's own connection; failures in the notice. */
    private final class LobbyRoomActions implements RoomActions {
        private final Room room;
        private final String token;
        private final BooleanProperty kept = new SimpleBooleanProperty();

        LobbyRoomActions(Room room, String token) {
            this.room = room;
            this.token = token;
        }

        @Override
        public String roomName() {
            return room.name();
        }

        @Override
        public int capacity() {
            return room.capacity();
        }

        @Override
        public void delete() {
            CompletableFuture<ServerMessage.RoomDeleted> deleted = link.deleteRoom(room.id(), token);
            if (deleted == null) {
                showNotice(Texts.get("lobby.notConnected"), true);
                return;
            }
            deleted.whenComplete((answer, error) -> {
                if (error != null) {
                    showNotice(Texts.get("owner.failed", LobbyLink.reasonOf(error)), false);
                } else {
                    forgetOwner(room.id());
                    log.info("Deleted room {} ({})", room.name(), room.id());
                }
            });
        }

        @Override
        public BooleanProperty kept() {
            return kept;
        }

        @Override
        public void update(String name, Integer capacity, String password, Boolean keep) {
            CompletableFuture<ServerMessage.RoomUpdated> updated =
                    link.updateRoom(room.id(), token, name, capacity, password, keep);
            if (updated == null) {
                showNotice(Texts.get("lobby.notConnected"), true);
                return;
            }
            updated.whenComplete((answer, error) -> {
                if (error != null) {
                    showNotice(Texts.get("owner.failed", LobbyLink.reasonOf(error)), false);
                } else {
                    kept.set(Boolean.TRUE.equals(answer.keep()));
                }
            });
        }
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
            showNotice(Texts.get("lobby.invalidName", TextRules.MAX_NAME), false);
            return;
        }
        if (room.participants() >= room.capacity()) {
            showNotice(Texts.get("lobby.roomFull", room.name(), room.participants(), room.capacity()), false);
            return;
        }
        if (!online.get()) {
            showNotice(Texts.get("lobby.notConnectedTo", server.get()), true);
            return;
        }
        settings.rememberName(server.get(), valid);
        name.set(valid);
        if (room.locked() && (password == null || password.isEmpty())) {
            passwordPrompt.accept(room, false);
            return;
        }
        showNotice("", false);
        onJoin.accept(new JoinRequest(uri, server.get(), room, valid, password, trust, attemptCode));
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
        link.close();
    }

    // --- the link's events (FX thread) ---

    private void onOpened(URI server, List<Room> list) {
        if (attemptCode != null && !attemptCode.equals(settings.joinCodeFor(this.server.get()))) {
            settings.rememberJoinCode(this.server.get(), attemptCode);
        }
        status.connected(server.toString());
        online.set(true);
        onRooms(list);
    }

    private void onUnreachable(URI server, String reason) {
        rooms.clear(); // nothing here can be joined until it answers
        status.offline(Texts.get("lobby.cannotReachShort", server));
        online.set(false);
        showNotice(Texts.get("lobby.cannotReach", server, reason), true);
    }

    /** Asked once per server: a remembered code is given without asking, a wrong one is forgotten. */
    private void onJoinCodeNeeded(URI server, boolean wrong) {
        rooms.clear();
        online.set(false);
        if (wrong) {
            settings.forgetJoinCode(this.server.get());
        }
        status.offline(Texts.get("lobby.joinCodeNeeded", server));
        showNotice(Texts.get("lobby.joinCodeNeeded", server), true);
        joinCodePrompt.accept(this.server.get(), wrong);
    }

    private void onRefused(URI server, String reason) {
        rooms.clear();
        online.set(false);
        status.offline(Texts.get("lobby.refused", server, reason));
        showNotice(Texts.get("lobby.refused", server, reason), true);
    }

    private void onLost(String reason) {
        online.set(false);
        status.offline(reason);
        showNotice(Texts.get("lobby.lost", reason), true);
    }

    private void onRooms(List<Room> list) {
        rooms.setAll(list);
    }

    private void showNotice(String text, boolean retry) {
        notice.set(text);
        canRetry.set(retry);
    }
}

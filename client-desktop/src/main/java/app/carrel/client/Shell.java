package app.carrel.client;

import app.carrel.client.i18n.Texts;
import app.carrel.client.lobby.JoinRequest;
import app.carrel.client.lobby.LobbyModel;
import app.carrel.client.lobby.LobbyView;
import app.carrel.client.prejoin.JoinPlan;
import app.carrel.client.prejoin.PreJoinModel;
import app.carrel.client.prejoin.PreJoinView;
import app.carrel.client.room.DevicesModel;
import app.carrel.client.room.JoinFailure;
import app.carrel.client.room.RoomSession;
import app.carrel.client.room.RoomView;
import app.carrel.client.room.StudyRoom;
import app.carrel.client.settings.SettingsModel;
import app.carrel.client.settings.SettingsView;
import app.carrel.client.settings.Themes;
import app.carrel.client.signaling.SignalingException;
import app.carrel.client.status.StatusBanner;
import app.carrel.client.status.StatusModel;
import app.carrel.protocol.Room;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.BorderPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's content and its one navigation: lobby → pre-join → room → lobby. The status
 * banner sits above whichever screen shows, never over it. FX thread only.
 */
public final class Shell extends BorderPane {

    private static final Logger log = LoggerFactory.getLogger(Shell.class);
    // The engine's own leave waits 5 s for the server; past this the process exits regardless.
    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(8);

    private final SettingsModel settings;
    private final Consumer<String> openLink;
    private final StatusModel status = new StatusModel();
    private final LobbyModel lobby;
    private final LobbyView lobbyView;
    private PreJoinModel preJoin;
    /** Written on the FX thread; volatile for {@link #endCall}, which the exit hook calls from its own. */
    private volatile RoomSession session;
    private RoomView roomView;
    private boolean straightIn;
    private boolean shareOnEntry;
    private boolean closed;

    public Shell(SettingsModel settings, Consumer<String> openLink) {
        this.settings = settings;
        this.openLink = openLink;
        this.lobby = new LobbyModel(settings, status, this::showPreJoin);
        this.lobbyView = new LobbyView(lobby, this::openSettings);
        createView();
        init();
    }

    public LobbyModel lobby() {
        return lobby;
    }

    private void createView() {
        setId("shell");
        setTop(new StatusBanner(status));
        setCenter(lobbyView);
    }

    private void init() {
        Themes.apply(settings.themeProperty().get());
        settings.themeProperty().addListener((obs, old, theme) -> Themes.apply(theme));
        lobby.connect(settings.serverProperty().get());
    }

    /** True while a call is on: closing the window then asks first. */
    public boolean inCall() {
        return session != null;
    }

    /**
     * Leaves any room and frees everything native; the window is closing. Waits for the engine
     * at most {@link #CLOSE_LIMIT}: a server that does not answer must not keep the window up.
     */
    /**
     * Ends the call, from any thread: a polite leave, and our camera stops. For the exit hook on
     * SIGTERM, where the FX thread may never run another task (seen: its queue not served
     * during shutdown), so nothing here touches a view.
     */
    public CompletableFuture<Void> endCall() {
        RoomSession current = session;
        return current == null ? CompletableFuture.completedFuture(null) : current.close();
    }

    public void close() {
        if (closed) {
            return; // the window's stop() and a SIGTERM can both ask
        }
        closed = true;
        if (preJoin != null) {
            preJoin.release();
        }
        if (roomView != null) {
            roomView.dispose();
        }
        if (session != null) {
            try {
                session.close().get(CLOSE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                log.warn("The call did not end within {} s; quitting anyway", CLOSE_LIMIT.toSeconds());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                log.warn("Ending the call failed: {}", e.getCause().toString());
            }
        }
        lobby.close();
    }

    /**
     * Joins the room called {@code roomName} as soon as the lobby lists it (launch options
     * {@code --room}/{@code --name}, used by demos and the screenshot script); with
     * {@code straightIn} the pre-join screen continues by itself once the camera is ready.
     */
    public void joinWhenListed(String roomName, String name, boolean straightIn) {
        ListChangeListener<Room> watcher = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends Room> change) {
                lobby.rooms().stream().filter(r -> r.name().equals(roomName)).findFirst().ifPresent(room -> {
                    lobby.rooms().removeListener(this);
                    Shell.this.straightIn = straightIn;
                    lobby.join(room, name, null);
                });
            }
        };
        lobby.rooms().addListener(watcher);
    }

    /** Starts sharing the screen as soon as a room is entered (launch option {@code --share-screen}). */
    public void shareScreenOnEntry() {
        shareOnEntry = true;
    }

    private void showPreJoin(JoinRequest request) {
        lobby.suspendStatus();
        PreJoinModel model = new PreJoinModel(request, settings, this::enter, this::backToLobby);
        preJoin = model;
        setCenter(new PreJoinView(model));
        if (straightIn) {
            straightIn = false;
            model.readyProperty().addListener((obs, old, ready) -> {
                if (ready) {
                    model.join();
                }
            });
        }
        model.start();
    }

    private void enter(JoinPlan plan) {
        preJoin = null;
        RoomSession.join(plan, status,
                new DevicesModel.Remembered(settings::setCamera, settings::setMicrophone, settings::setSpeaker),
                settings.muteDuringFocusProperty()::get).whenComplete((joined, error) -> {
            if (error != null && closed) {
                return;
            }
            if (error != null) {
                backToLobby();
                Throwable cause = SignalingException.unwrap(error);
                lobby.showJoinFailure(plan.request().room(), cause.getMessage(),
                        cause instanceof JoinFailure f && f.wrongPassword());
                return;
            }
            if (closed) { // the window closed while we were joining
                joined.close();
                return;
            }
            session = joined;
            CheckBox mute = new CheckBox(Texts.get("shell.muteDuringFocus"));
            mute.setSelected(settings.muteDuringFocusProperty().get());
            mute.selectedProperty().addListener((obs, old, on) -> settings.setMuteDuringFocus(on));
            // Settings can change it too now that they open from the room; weak, as the
            // settings outlive this room's checkbox.
            ChangeListener<Boolean> fromSettings = (obs, old, on) -> mute.setSelected(on);
            mute.getProperties().put("fromSettings", fromSettings);
            settings.muteDuringFocusProperty().addListener(new WeakChangeListener<>(fromSettings));
            joined.model().study().remember(new StudyRoom.Memory() {
                @Override
                public void rememberGoal(String goal) {
                    settings.setGoal(goal);
                }

                @Override
                public boolean shareCheckIns() {
                    return settings.shareCheckInsProperty().get();
                }

                @Override
                public void rememberShareCheckIns(boolean share) {
                    settings.setShareCheckIns(share);
                }
            });
            String roomId = plan.request().room().id();
            joined.model().ownerToken(lobby.ownerToken(roomId), () -> lobby.forgetOwner(roomId));
            roomView = new RoomView(joined.model(), joined.devices(), mute, openLink, this::openSettings);
            joined.model().onLeftAction(this::left);
            setCenter(roomView);
            if (shareOnEntry) {
                shareOnEntry = false;
                joined.model().controls().toggleScreenShare();
            }
        });
    }

    private void left(String reason) {
        if (roomView != null) {
            roomView.dispose();
            roomView = null;
        }
        if (session != null) {
            session.close();
            session = null;
        }
        backToLobby();
        if (reason != null) {
            lobby.showRoomEnded(reason);
        }
    }

    private void backToLobby() {
        preJoin = null;
        setCenter(lobbyView);
        lobby.resume();
    }

    private void openSettings() {
        new SettingsView(getScene().getWindow(), settings, lobby::applySettings).show();
    }
}

package app.carrel.client;

import app.carrel.client.history.CheckIn;
import app.carrel.client.history.FocusHistory;
import app.carrel.client.history.MyFocusModel;
import app.carrel.client.history.MyFocusView;
import app.carrel.client.history.SessionRecorder;
import app.carrel.client.i18n.Texts;
import app.carrel.client.lobby.JoinRequest;
import app.carrel.client.lobby.LobbyModel;
import app.carrel.client.lobby.LobbyView;
import app.carrel.client.minitimer.MiniTimer;
import app.carrel.client.notify.Notifiers;
import app.carrel.client.notify.PhaseEndNotices;
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
import app.carrel.client.fx.Background;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's content and its one navigation: lobby → pre-join → room → lobby, and lobby →
 * My focus → lobby. The status banner sits above whichever screen shows, never over it. While
 * in a room it also keeps the focus history's recorder, the phase-end notifications and the
 * timer that follows you. FX thread only.
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
    /** Null when the history file could not be opened: rooms work, nothing is recorded. */
    private final FocusHistory history;
    private final Path historyFile;
    /** Runs the history's writes one at a time, in order, off the FX thread. */
    private final ExecutorService historyWriter = singleThread("carrel-history");
    /** Connects to the desktop's notification service and calls it (a D-Bus call waits). */
    private final ExecutorService notifyWorker = singleThread("carrel-notify");
    private final PhaseEndNotices notices;
    // The room's: made as we enter, ended as we leave.
    private SessionRecorder recorder;
    private Runnable stopNotices;
    private MiniTimer miniTimer;
    private boolean straightIn;
    private boolean shareOnEntry;
    private boolean closed;

    /** @param historyFile the focus history's SQLite file ({@link FocusHistory#userDataDir} in the app) */
    public Shell(SettingsModel settings, Consumer<String> openLink, Path historyFile) {
        this.settings = settings;
        this.openLink = openLink;
        this.historyFile = historyFile;
        this.history = FocusHistory.openOrNull(historyFile);
        this.notices = new PhaseEndNotices(Notifiers::forDesktop, notifyWorker, settings.phaseNotificationsProperty()::get);
        this.lobby = new LobbyModel(settings, status, this::showPreJoin);
        this.lobbyView = new LobbyView(lobby, this::openSettings, this::showMyFocus);
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
        endRoomFollowers();
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
        notices.close();
        stopWorker(historyWriter);
        stopWorker(notifyWorker);
        if (history != null) {
            history.close();
        }
    }

    /**
     * The recorder of the room we are in, or null: where the goal (pre-join, changed in the room)
     * and the check-in at a focus phase's end are handed to the history
     * ({@link SessionRecorder#recordGoal}, {@link SessionRecorder#recordCheckIn}).
     */
    public SessionRecorder recorder() {
        return recorder;
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
            followRoom(plan, joined);
            joined.model().onLeftAction(this::left);
            setCenter(roomView);
            if (shareOnEntry) {
                shareOnEntry = false;
                joined.model().controls().toggleScreenShare();
            }
        });
    }

    /**
     * What goes along with a room: its time in the focus history (with the goal from pre-join and
     * each change made in the room, and every check-in with its private note), notifications at
     * its phase ends, the timer that follows you.
     */
    private void followRoom(JoinPlan plan, RoomSession joined) {
        var room = plan.request().room();
        var timer = joined.model().timer();
        if (history != null) {
            recorder = SessionRecorder.start(history, historyWriter, Clock.systemDefaultZone(), room.id(), room.name(),
                    plan.request().server().toString());
            recorder.follow(timer);
            SessionRecorder thisRoom = recorder;
            thisRoom.recordGoal(plan.goal());
            joined.model().self().goalProperty().addListener((obs, was, now) -> thisRoom.recordGoal(now));
            joined.model().onCheckIn(c -> thisRoom.recordCheckIn(
                    new CheckIn(CheckIn.Result.valueOf(c.result().name()), c.note())));
        }
        stopNotices = notices.follow(timer, room.name());
        if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
            miniTimer = new MiniTimer(stage, timer, joined.model().controls().microphoneOnProperty(),
                    settings.timerFollowsProperty());
        }
    }

    private void endRoomFollowers() {
        if (recorder != null) {
            recorder.finish();
            recorder = null;
        }
        if (stopNotices != null) {
            stopNotices.run();
            stopNotices = null;
        }
        if (miniTimer != null) {
            miniTimer.dispose();
            miniTimer = null;
        }
    }

    private void left(String reason) {
        if (roomView != null) {
            roomView.dispose();
            roomView = null;
        }
        endRoomFollowers();
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
        new SettingsView(getScene().getWindow(), settings, historyFile.toAbsolutePath().toString(), lobby::applySettings).show();
    }

    /** The "My focus" page, from the lobby; Back (or Esc) returns there. */
    void showMyFocus() {
        MyFocusModel model = new MyFocusModel(history, Clock.systemDefaultZone(), Background::run, Platform::runLater);
        MyFocusView page = new MyFocusView(model, () -> setCenter(lobbyView), MyFocusView.FILE_CHOOSER);
        setCenter(page);
        model.refresh();
        page.requestFocus();
    }

    private static ExecutorService singleThread(String name) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Lets queued writes finish (the session's end), within a limit. */
    private static void stopWorker(ExecutorService worker) {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(3, TimeUnit.SECONDS)) {
                log.warn("A worker did not finish within 3 s");
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

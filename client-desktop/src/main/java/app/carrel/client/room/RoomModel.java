package app.carrel.client.room;

import app.carrel.client.call.CallEngine;
import app.carrel.client.call.CallListener;
import app.carrel.client.call.CallState;
import app.carrel.client.call.ConnectionState;
import app.carrel.client.call.JoinedRoom;
import app.carrel.client.call.PeerStats;
import app.carrel.client.chat.ChatModel;
import app.carrel.client.i18n.Texts;
import app.carrel.client.status.StatusModel;
import app.carrel.client.timer.Chime;
import app.carrel.client.timer.TimerModel;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.Peer;
import app.carrel.protocol.ServerMessage;
import java.time.Instant;
import java.util.Collection;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A room visit as the window shows it: participants (us first), our media controls, help,
 * notices, with chat and timer beside. Engine events arrive on the
 * FX thread through {@code FxCallListener}; commands go to the engine, whose futures are
 * brought back to the FX thread. FX thread only.
 */
public final class RoomModel implements CallListener {

    private static final Logger log = LoggerFactory.getLogger(RoomModel.class);
    // A muted peer is never shown speaking, and the bar is set above the engine's 0.01 "silent".
    // (The level spikes up to ~0.2 once seen from "silent" headless peers were the headless
    // module's echo, now never sent; see AudioLevelTest.)
    private static final double SPEAKING_LEVEL = 0.05;
    public static final String MUTED_FOR_FOCUS = Texts.get("room.mutedForFocus");

    private final CallEngine engine;
    private final StatusModel status;
    private final BooleanSupplier muteDuringFocus;
    private final Participant self;
    private final ObservableList<Participant> participants = FXCollections.observableArrayList();
    // One read-only view, kept: JavaFX's unmodifiable wrapper listens to its source only weakly,
    // so a fresh wrapper per call is collected with the grid's listener on it, and the grid
    // stopped following leaves and joins after the next GC (a left peer's tile stayed, frozen).
    private final ObservableList<Participant> participantsView = FXCollections.unmodifiableObservableList(participants);
    private final MediaControls controls;
    private final ChatModel chat;
    private final TimerModel timer;
    private final ReadOnlyStringWrapper roomName = new ReadOnlyStringWrapper(this, "roomName", "");
    private final ReadOnlyBooleanWrapper helpShown = new ReadOnlyBooleanWrapper(this, "helpShown");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyObjectWrapper<Participant> staged = new ReadOnlyObjectWrapper<>(this, "staged");
    private final TilePages pages;
    /** True while the stage was given by a screen share, not by the person's pin. */
    private boolean stagedByShare;
    /** Back to the lobby; the argument says why when the visit ended without our asking, else null. */
    private Consumer<String> onLeft = reason -> { };
    /** Our participant id on the server (our tile's id is "self"); null until joined. */
    private String selfId;
    private boolean leaving;
    /** The room as last heard (joined, or room-updated): its id, name and capacity. */
    private app.carrel.protocol.Room room;
    /** Our owner's actions when we own this room (we hold its token), else null. */
    private final ReadOnlyObjectWrapper<RoomOwner> owner = new ReadOnlyObjectWrapper<>(this, "owner");
    /** Who asked us to mute, in words ("Olga asked you to mute."); "" when nobody or dismissed. */
    private final ReadOnlyStringWrapper muteRequest = new ReadOnlyStringWrapper(this, "muteRequest", "");
    private final ReadOnlyBooleanWrapper participantsOpen = new ReadOnlyBooleanWrapper(this, "participantsOpen");
    /** A quiet room (docs/protocol.md §13): nobody's microphone is on; the server refuses it. */
    private final ReadOnlyBooleanWrapper quiet = new ReadOnlyBooleanWrapper(this, "quiet");
    /** Goals, presence and check-ins: what this window asks the engine for and remembers. */
    private final StudyRoom study;

    public RoomModel(CallEngine engine, StatusModel status, String selfName, boolean micOn, boolean camOn,
                     BooleanSupplier muteDuringFocus) {
        this(engine, status, selfName, micOn, camOn, muteDuringFocus, engine::showVideoOf);
    }

    /** {@code showVideoOf}: where the ids of the tiles in view go; the engine's, but for tests. */
    RoomModel(CallEngine engine, StatusModel status, String selfName, boolean micOn, boolean camOn,
              BooleanSupplier muteDuringFocus, Consumer<Collection<String>> showVideoOf) {
        this.engine = engine;
        this.status = status;
        this.muteDuringFocus = muteDuringFocus;
        this.self = new Participant("self", selfName, true, new MediaFlags(micOn, camOn, false));
        this.controls = new MediaControls(engine, self, notice::set, quiet::get);
        this.chat = new ChatModel(engine::sendChat);
        this.timer = new TimerModel(engine::sendTimer, Chime::play, id -> id.equals(selfId) ? Texts.get("timer.you") : find(id).map(Participant::name).orElse(null));
        this.study = new StudyRoom(engine, self, notice::set, () -> room);
        timer.onFocusRunning(this::onFocusRunning);
        timer.onPhaseEnded(study::phaseEnded);
        // Unmuted (M, the button, Space): "muted for focus" is no longer true.
        controls.microphoneOnProperty().addListener((obs, was, on) -> {
            if (on) {
                clearNotice(MUTED_FOR_FOCUS);
            }
        });
        participants.add(self);
        this.pages = new TilePages(participantsView, staged.getReadOnlyProperty(), SPEAKING_LEVEL, showVideoOf::accept);
        // In a hall the stage's video comes in full size, the small tiles' in the layer they fit.
        staged.addListener((obs, was, now) -> engine.showLargeVideoOf(now == null || now.self() ? null : now.id()));
    }

    public Participant self() {
        return self;
    }

    public ObservableList<Participant> participants() {
        return participantsView;
    }

    /** The page of tiles in view, and the speaker kept on it. */
    TilePages pages() {
        return pages;
    }

    public ChatModel chat() {
        return chat;
    }

    public TimerModel timer() {
        return timer;
    }

    public ReadOnlyStringProperty roomNameProperty() {
        return roomName.getReadOnlyProperty();
    }

    public MediaControls controls() {
        return controls;
    }

    /**
     * False when the engine runs without a microphone (no audio server: the headless module).
     * The switch still works and tells the others, but what goes out is silence.
     */
    public boolean hasMicrophone() {
        return engine.audioBackend().capturesSound();
    }

    /** Who has the stage (a big tile, the others small beside it); null: the even grid. */
    public ReadOnlyObjectProperty<Participant> stagedProperty() {
        return staged.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty helpShownProperty() {
        return helpShown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /**
     * We own this room: {@code token} is its owner token (null: we do not); {@code deleted} runs
     * once we deleted it, to forget the token.
     */
    public void ownerToken(String token, Runnable deleted) {
        owner.set(token == null ? null
                : new RoomOwner(engine, token, () -> room, notice::set, this::onRoomUpdated, deleted));
    }

    /** Non-null while we own the room: the owner's menu and the tiles' Remove… and Ask to mute. */
    ReadOnlyObjectProperty<RoomOwner> ownerProperty() {
        return owner.getReadOnlyProperty();
    }

    /** Goals, presence and check-ins in this room. */
    public StudyRoom study() {
        return study;
    }

    /** True while the participants panel is open ("N here" opens it, Esc closes it). */
    public ReadOnlyBooleanProperty participantsOpenProperty() {
        return participantsOpen.getReadOnlyProperty();
    }

    public void toggleParticipants() {
        participantsOpen.set(!participantsOpen.get());
    }

    public void closeParticipants() {
        participantsOpen.set(false);
    }

    /** A quiet room: the microphone switch gives way to a sign saying so. */
    public ReadOnlyBooleanProperty quietProperty() {
        return quiet.getReadOnlyProperty();
    }

    /**
     * Every check-in the person answers at the end of a focus phase, shared or not, with its
     * private note ({@link CheckIn}); for the local focus history. FX thread.
     */
    public void onCheckIn(Consumer<CheckIn> listener) {
        study.onCheckIn(listener);
    }

    /** Our session goal, changed in the room; see {@link StudyRoom#setGoal}. */
    public void setGoal(String goal) {
        study.setGoal(goal);
    }

    public ReadOnlyStringProperty muteRequestProperty() {
        return muteRequest.getReadOnlyProperty();
    }

    /** "Mute" on the owner's request: the person's own choice, the usual microphone switch. */
    public void muteOnRequest() {
        if (controls.microphoneOnProperty().get()) {
            controls.toggleMicrophone();
        }
        muteRequest.set("");
    }

    public void dismissMuteRequest() {
        muteRequest.set("");
    }

    public void onLeftAction(Consumer<String> action) {
        this.onLeft = action;
    }

    // --- commands ---

    public void toggleHelp() {
        helpShown.set(!helpShown.get());
    }

    public void hideHelp() {
        helpShown.set(false);
    }

    /** Pins a tile to the stage, or unpins it (double click, or P on the tile). */
    public void togglePin(Participant participant) {
        stagedByShare = false;
        staged.set(staged.get() == participant ? null : participant);
    }

    public void dismissNotice() {
        notice.set("");
    }

    /**
     * The visit ended without this model (a refused join): whatever the engine reports from now
     * on is not the window's state, so it no longer reaches the status banner.
     */
    void release() {
        leaving = true;
        timer.stop();
    }

    /** Leaves the room; the window returns to the lobby once the engine is done. */
    public void leave() {
        if (leaving) {
            return;
        }
        leaving = true;
        timer.stop();
        engine.leave().whenComplete((v, error) -> Platform.runLater(() -> {
            if (error != null) {
                log.warn("Leave failed: {}", error.toString());
            }
            onLeft.accept(null);
        }));
    }

    /** Asks the engine for every connection's statistics and updates the tiles' dots. */
    public void refreshStats() {
        if (leaving) {
            return;
        }
        engine.stats().whenComplete((all, error) -> Platform.runLater(() -> {
            if (error != null) {
                log.debug("Stats failed: {}", error.toString());
                return;
            }
            for (PeerStats s : all) {
                find(s.peerId()).ifPresent(p -> p.setQuality(Quality.of(s), Quality.describe(s)));
            }
        }));
    }

    // --- engine events (FX thread) ---

    @Override
    public void onState(CallState state) {
        if (!leaving) { // after leave the lobby's own connection speaks for the status
            status.engineState(state);
        }
    }

    @Override
    public void onReconnecting(int attempt, Instant nextAttempt) {
        if (!leaving) {
            status.reconnectingAt(nextAttempt);
        }
    }

    @Override
    public void onJoined(JoinedRoom joined) {
        selfId = joined.selfId();
        room = joined.room();
        roomName.set(joined.room().name());
        showRoomSettings(joined.room());
        participants.removeIf(p -> !p.self());
        var me = joined.self();
        StudyFields.apply(self, me.goal(), me.presence(), me.since(), me.checkIn());
        joined.peers().forEach(this::onPeerJoined);
        chat.joined(joined.selfId(), joined.chat());
        timer.update(joined.timer());
    }

    @Override
    public void onPeerJoined(Peer peer) {
        if (find(peer.id()).isPresent()) {
            return;
        }
        Participant p = new Participant(peer.id(), peer.name(), false, peer.media());
        StudyFields.apply(p, peer.goal(), peer.presence(), peer.since(), peer.checkIn());
        participants.add(p);
        followScreenShare(p, false, peer.media().screen());
        engine.setVideoSink(peer.id(), (id, kind, frame) ->
                (kind == app.carrel.client.call.VideoKind.SCREEN ? p.screen() : p.camera()).accept(frame));
    }

    @Override
    public void onPeerLeft(String peerId) {
        engine.setVideoSink(peerId, null);
        find(peerId).ifPresent(p -> {
            if (staged.get() == p) {
                staged.set(null);
            }
        });
        participants.removeIf(p -> p.id().equals(peerId));
    }

    @Override
    public void onMediaState(String peerId, MediaFlags media) {
        find(peerId).ifPresent(p -> {
            boolean wasSharing = p.mediaProperty().get().screen();
            p.setMedia(media);
            if (!media.audio()) {
                p.setSpeaking(false);
                pages.heard(peerId, 0);
            }
            followScreenShare(p, wasSharing, media.screen());
        });
    }

    /**
     * A screen someone starts sharing takes the stage unless the person pinned someone; it gives
     * the stage back when the share ends (a pin stays until unpinned).
     */
    private void followScreenShare(Participant p, boolean wasSharing, boolean sharing) {
        if (sharing && !wasSharing && staged.get() == null) {
            staged.set(p);
            stagedByShare = true;
        } else if (!sharing && wasSharing && staged.get() == p && stagedByShare) {
            staged.set(null);
            stagedByShare = false;
        }
    }

    @Override
    public void onConnectionState(String peerId, ConnectionState state) {
        find(peerId).ifPresent(p -> p.setConnection(state));
    }

    @Override
    public void onAudioLevel(String peerId, double level) {
        if (peerId.equals(selfId)) { // our own voice never makes us the speaker: we know we speak
            self.setSpeaking(level > SPEAKING_LEVEL && self.mediaProperty().get().audio());
            return;
        }
        find(peerId).ifPresent(p -> {
            boolean audio = p.mediaProperty().get().audio();
            p.setSpeaking(level > SPEAKING_LEVEL && audio);
            pages.heard(peerId, audio ? level : 0);
        });
    }

    @Override
    public void onRoomEnded(String reason) {
        if (leaving) {
            return;
        }
        release();
        onLeft.accept(reason);
    }

    @Override
    public void onRoomUpdated(app.carrel.protocol.Room updated) {
        room = updated;
        roomName.set(updated.name());
        showRoomSettings(updated);
    }

    @Override
    public void onGoal(String participantId, String goal) {
        who(participantId).ifPresent(p -> p.setGoal(goal));
    }

    @Override
    public void onPresence(String participantId, app.carrel.protocol.Presence presence) {
        who(participantId).ifPresent(p -> p.setPresence(presence));
    }

    @Override
    public void onCheckedIn(String participantId, app.carrel.protocol.CheckInResult result) {
        who(participantId).ifPresent(p -> p.setCheckIn(result));
    }

    @Override
    public void onMuteRequested(String byName) {
        muteRequest.set(byName == null ? Texts.get("room.muteAskedByOwner") : Texts.get("room.muteAskedBy", byName));
    }

    @Override
    public void onChat(ServerMessage.Chat message) {
        chat.received(message);
    }

    @Override
    public void onTimer(ServerMessage.Timer message) {
        timer.update(message);
    }

    @Override
    public void onProblem(String message) {
        notice.set(message);
    }

    // --- internals ---

    /**
     * What the room's settings change here: a quiet room turns our microphone off (the server
     * would refuse it on); the timer learns of the room's long break.
     */
    private void showRoomSettings(app.carrel.protocol.Room r) {
        quiet.set(r.quiet());
        if (r.quiet()) {
            controls.quietRoom();
        }
        timer.longBreak(r.longBreakInterval(), r.longBreakSeconds() == null ? 0 : r.longBreakSeconds());
    }

    /** A participant by id, ourselves included (the server names us by our id). */
    private java.util.Optional<Participant> who(String id) {
        return id != null && id.equals(selfId) ? java.util.Optional.of(self) : find(id);
    }

    private void onFocusRunning(boolean focus) {
        if (focus) {
            study.focusStarted();
        }
        if (focus && muteDuringFocus.getAsBoolean() && controls.muteForFocus()) {
            notice.set(MUTED_FOR_FOCUS);
        } else if (!focus) {
            clearNotice(MUTED_FOR_FOCUS); // paused, reset or over: the reason is gone
        }
    }

    /** Clears the notice if it still says {@code text}: a newer notice is left alone. */
    private void clearNotice(String text) {
        if (notice.get().equals(text)) {
            notice.set("");
        }
    }

    private java.util.Optional<Participant> find(String id) {
        return participants.stream().filter(p -> !p.self() && p.id().equals(id)).findFirst();
    }
}

package app.carrel.client.call;

import app.carrel.client.i18n.Texts;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.LocalVideo;
import app.carrel.client.media.MediaFactory;
import app.carrel.client.signaling.SignalingException;
import app.carrel.protocol.CheckInResult;
import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.Peer;
import app.carrel.protocol.Presence;
import app.carrel.protocol.Room;
import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TimerAction;
import app.carrel.protocol.TimerPhase;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Carrel call without any UI: connects to a server, joins a room and carries the call (a mesh of
 * peer connections today, see {@link CallTransport}). Commands return futures; events reach
 * {@link CallListener}s. This is the facade: the join workflow is {@link JoinWorkflow}, the
 * server's messages are routed by {@link ServerRouter}, the connection to the server is
 * {@link ServerLink}.
 * <p>
 * All state is owned by the engine thread ({@link EngineThread}); public methods only hand work
 * to it, so they may be called from any thread. {@link #close()} frees every native object:
 * peer connections, tracks, sources, then the factory and audio module.
 */
public final class CallEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallEngine.class);

    private final EngineThread thread = new EngineThread();
    private final CallListeners listeners = new CallListeners();
    private final StateHolder state = new StateHolder(listeners);
    private final MediaFactory media;
    // False when several engines share one factory (carrel-bot --count): its owner closes it.
    private final boolean ownsMedia;
    private final ServerLink link;
    private final JoinWorkflow visit;
    private final ServerRouter router;

    /** An engine that owns {@code media} and closes it with itself. */
    public CallEngine(CallConfig config, MediaFactory media) {
        this(config, media, true);
    }

    private CallEngine(CallConfig config, MediaFactory media, boolean ownsMedia) {
        this.media = media;
        this.ownsMedia = ownsMedia;
        this.link = new ServerLink(config, thread, listeners, state, this::onServerMessage, this::onResumed,
                this::onRejoinRefused);
        this.visit = new JoinWorkflow(config, media, thread, listeners, state, link);
        this.router = new ServerRouter(listeners, visit::room, visit::onEvicted);
        AudioLevels levels = new AudioLevels(listeners);
        thread.every(Duration.ofMillis(200), () -> levels.poll(visit.room()));
    }

    /** An engine with its own media factory; the audio module is chosen without hanging. */
    public static CallEngine create(CallConfig config) {
        return new CallEngine(config, MediaFactory.createForSystem());
    }

    /**
     * An engine on a factory that others use too (one factory's threads and audio module for
     * many participants in one JVM); {@link #close()} leaves it open for its owner to close
     * after every engine on it.
     */
    public static CallEngine sharing(CallConfig config, MediaFactory media) {
        return new CallEngine(config, media, false);
    }

    public void addListener(CallListener listener) {
        listeners.add(listener);
    }

    public void removeListener(CallListener listener) {
        listeners.remove(listener);
    }

    public CallState state() {
        return state.get();
    }

    /** Waits until the engine is in {@code wanted}; false when the limit passed first. */
    public boolean awaitState(CallState wanted, Duration limit) throws InterruptedException {
        return state.await(wanted, limit);
    }

    /** Which audio module runs: the UI shows a notice when it is the headless one. */
    public AudioBackend audioBackend() {
        return media.audioBackend();
    }

    public CompletableFuture<Void> connect() {
        return thread.compose(link::connect);
    }

    public CompletableFuture<List<Room>> listRooms() {
        return request(ClientMessage.ListRooms::new).thenApply(m -> ((ServerMessage.Rooms) m).rooms());
    }

    public CompletableFuture<Room> createRoom(String name, Integer capacity, String password) {
        return request(id -> new ClientMessage.CreateRoom(id, name, capacity, password))
                .thenApply(m -> ((ServerMessage.RoomCreated) m).room());
    }

    /** Creates a room; the answer carries our owner token for it (docs/protocol.md §10). */
    public CompletableFuture<ServerMessage.RoomCreated> createOwnedRoom(String name, Integer capacity, String password) {
        return createOwnedRoom(name, capacity, password, false);
    }

    /** As above; {@code quiet}: nobody's microphone may be on in it (docs/protocol.md §13). */
    public CompletableFuture<ServerMessage.RoomCreated> createOwnedRoom(String name, Integer capacity, String password,
                                                                        boolean quiet) {
        return request(id -> new ClientMessage.CreateRoom(id, name, capacity, password, quiet ? Boolean.TRUE : null,
                null, null))
                .thenApply(m -> (ServerMessage.RoomCreated) m);
    }

    /** Joins a room by id; fails with a {@link SignalingException} (room-full, wrong-password, …). */
    public CompletableFuture<JoinedRoom> join(String roomId, String password) {
        return join(roomId, password, null);
    }

    /**
     * Joins with a session goal to start with (docs/protocol.md §13; null or "" for none). Every
     * join asks for the study messages ({@code "study":true}).
     */
    public CompletableFuture<JoinedRoom> join(String roomId, String password, String goal) {
        return thread.compose(() -> visit.join(roomId, password, goal));
    }

    public CompletableFuture<Void> leave() {
        return thread.compose(visit::leave);
    }

    public CompletableFuture<Void> setMicrophone(boolean on) {
        return inRoom(r -> {
            r.local().setMicrophone(on);
            r.updateAudio();
            visit.sendMediaState(r);
        });
    }

    public CompletableFuture<Void> setCamera(boolean on) {
        return inRoom(r -> {
            r.local().setCamera(on);
            visit.sendMediaState(r);
        });
    }

    /**
     * Sends another camera from now on (the person picked one in the room): opened, started unless
     * the camera is off, swapped into every connection without renegotiating, and the old camera
     * freed. When it cannot start, the old camera stays, the listeners hear why in a person's
     * words, and the future fails.
     */
    public CompletableFuture<Void> switchCamera(Supplier<LocalVideo> camera) {
        return inRoom(r -> {
            try {
                r.switchCamera(camera);
            } catch (RuntimeException | Error e) { // a native Error too: the old camera carries on
                log.warn("Switching the camera failed", e);
                listeners.fire(l -> l.onProblem(Texts.get("devices.cameraFailed")));
                throw new IllegalStateException("The camera could not start: " + e.getMessage(), e);
            }
        });
    }

    /**
     * Uses this microphone and speaker (by name; null: the system's default), also in the middle
     * of a call, where the audio module stops, changes device and starts again. What could not be
     * honoured (a device gone, or no sound system at all) reaches the listeners as a notice.
     */
    public CompletableFuture<Void> useAudioDevices(String microphone, String speaker) {
        return thread.submit(() -> {
            visit.useAudioDevices(microphone, speaker);
            return null;
        });
    }

    /** Shares the whole screen as an extra video; every connection renegotiates. */
    public CompletableFuture<Void> startScreenShare() {
        return inRoom(r -> {
            r.local().startScreen();
            r.updateScreen();
            visit.sendMediaState(r);
        });
    }

    public CompletableFuture<Void> stopScreenShare() {
        return inRoom(r -> {
            r.local().stopScreen();
            r.updateScreen();
            r.local().disposeStoppedScreen();
            visit.sendMediaState(r);
        });
    }

    /**
     * Owners (docs/protocol.md §10): changes room {@code roomId}, proven by its owner token;
     * null fields stay as they are, an empty password removes it. Sent on this connection, so in
     * the room the others see who did it.
     */
    public CompletableFuture<ServerMessage.RoomUpdated> updateRoom(String roomId, String ownerToken, String name,
                                                                   Integer capacity, String password, Boolean keep) {
        return request(id -> new ClientMessage.UpdateRoom(id, roomId, ownerToken, name, capacity, password, keep))
                .thenApply(m -> (ServerMessage.RoomUpdated) m);
    }

    /** Owners: deletes the room; in it, we are put out of it like everyone else. */
    public CompletableFuture<ServerMessage.RoomDeleted> deleteRoom(String roomId, String ownerToken) {
        return request(id -> new ClientMessage.DeleteRoom(id, roomId, ownerToken))
                .thenApplyAsync(m -> {
                    // Our own copy is the answer, not a push: the router never sees it.
                    if (visit.room() != null && roomId.equals(visit.room().roomId())) {
                        visit.onEvicted(Texts.get("room.deletedByYou"));
                    }
                    return (ServerMessage.RoomDeleted) m;
                }, thread);
    }

    /** Owners: removes {@code peerId} from the room and keeps it out for {@code minutes}. */
    public CompletableFuture<ServerMessage.ParticipantRemoved> removeParticipant(String roomId, String ownerToken,
                                                                                 String peerId, int minutes) {
        return request(id -> new ClientMessage.RemoveParticipant(id, roomId, ownerToken, peerId, minutes))
                .thenApply(m -> (ServerMessage.ParticipantRemoved) m);
    }

    /** Owners: asks {@code peerId} to mute; the answer says whether its client could be told. */
    public CompletableFuture<ServerMessage.MuteAsked> askMute(String roomId, String ownerToken, String peerId) {
        return request(id -> new ClientMessage.AskMute(id, roomId, ownerToken, peerId))
                .thenApply(m -> (ServerMessage.MuteAsked) m);
    }

    public CompletableFuture<ServerMessage.Chat> sendChat(String text) {
        return request(id -> new ClientMessage.Chat(id, text)).thenApply(m -> (ServerMessage.Chat) m);
    }

    public CompletableFuture<ServerMessage.Timer> sendTimer(TimerAction action, TimerPhase phase, Integer seconds) {
        return request(id -> new ClientMessage.Timer(id, action, phase, seconds)).thenApply(m -> (ServerMessage.Timer) m);
    }

    /** Study (docs/protocol.md §13): our session goal, "" to clear it; everyone in the room sees it. */
    public CompletableFuture<ServerMessage.GoalChanged> setGoal(String goal) {
        return request(id -> new ClientMessage.SetGoal(id, goal)).thenApply(m -> (ServerMessage.GoalChanged) m);
    }

    /** Study: whether we are focusing, on a break or away. */
    public CompletableFuture<ServerMessage.PresenceChanged> setPresence(Presence presence) {
        return request(id -> new ClientMessage.SetPresence(id, presence))
                .thenApply(m -> (ServerMessage.PresenceChanged) m);
    }

    /** Study: shares how the focus phase that ended went (a note never leaves this computer). */
    public CompletableFuture<ServerMessage.CheckedIn> checkIn(CheckInResult result) {
        return request(id -> new ClientMessage.CheckIn(id, result)).thenApply(m -> (ServerMessage.CheckedIn) m);
    }

    public CompletableFuture<PeerStats> stats(String peerId) {
        return thread.compose(() -> visit.room() == null
                ? CompletableFuture.<PeerStats>failedFuture(new IllegalStateException("Not in a room"))
                : visit.room().stats(peerId));
    }

    /** Stats of every connection, in the order peers joined. */
    public CompletableFuture<List<PeerStats>> stats() {
        return thread.submit(() -> visit.room() == null ? List.<String>of() : visit.room().connectedPeerIds())
                .thenCompose(ids -> {
                    List<CompletableFuture<PeerStats>> all = ids.stream().map(this::stats).toList();
                    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                            .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
                });
    }

    /** Where one participant's decoded video goes; null removes the sink. */
    public void setVideoSink(String peerId, RemoteVideoSink sink) {
        if (state.get() == CallState.CLOSED) {
            return; // a late UI event after close: there is no video left to route
        }
        thread.execute(() -> visit.setSink(peerId, sink));
    }

    /**
     * Whose video the person sees now: the tiles on the current page, the speaker, a pinned
     * screen. In a hall only these are received; in a mesh everyone is received anyway.
     */
    public void showVideoOf(Collection<String> peerIds) {
        Set<String> copy = Set.copyOf(peerIds);
        if (state.get() == CallState.CLOSED) {
            return;
        }
        thread.execute(() -> visit.showVideoOf(copy));
    }

    /**
     * Whose tile is large (the stage: a pinned tile or a shared screen), or null: in a hall that
     * video comes in its full simulcast layer while the other tiles get the layer their size fits.
     */
    public void showLargeVideoOf(String peerId) {
        if (state.get() == CallState.CLOSED) {
            return;
        }
        thread.execute(() -> visit.showLargeVideoOf(peerId));
    }

    /** Every byte sent and received in this room so far, all connections; zero outside one. */
    public CompletableFuture<Traffic> traffic() {
        return thread.compose(() -> visit.room() == null ? CompletableFuture.completedFuture(Traffic.NONE)
                : visit.room().transport().traffic());
    }

    /** "mesh" or "sfu" while in a room, else null. */
    public String transportKind() {
        return thread.call(visit::transportKind);
    }

    /** What has arrived of one participant's video so far (safe from any thread). */
    public VideoReception videoReception(String peerId, VideoKind kind) {
        RoomCall r = visit.current();
        RemoteMedia remote = r == null ? null : r.remoteMedia(peerId);
        return remote == null ? VideoReception.NONE : remote.reception(kind);
    }

    public String selfId() {
        RoomCall r = visit.current();
        return r == null ? null : r.selfId();
    }

    public String roomId() {
        RoomCall r = visit.current();
        return r == null ? null : r.roomId();
    }

    /** The other participants with their media flags, as of the engine's last event. */
    public List<Peer> peers() {
        return thread.call(() -> visit.room() == null ? List.<Peer>of() : visit.room().peers());
    }

    public MediaFlags localMedia() {
        return thread.call(() -> visit.room() == null ? null : visit.room().local().flags());
    }

    /** The state of the connection to one participant, or null when there is none. */
    public ConnectionState connectionState(String peerId) {
        return thread.call(() -> visit.room() == null ? null : visit.room().connectionState(peerId));
    }

    /**
     * Test seam, package-private on purpose: a look at the room on the engine thread, null
     * outside a room. Tests of this package reach the transport through it (see MeshProbe).
     */
    <T> T inspect(Function<RoomCall, T> look) {
        return thread.call(() -> visit.room() == null ? null : look.apply(visit.room()));
    }

    /** Leaves (if in a room), disconnects and frees every native object. Blocks up to ~10 s. */
    @Override
    public void close() {
        if (state.get() == CallState.CLOSED) {
            return;
        }
        try {
            leave().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Clean leave failed on close: {}", e.toString());
        }
        thread.call(() -> {
            visit.end();
            return null;
        });
        link.shutdown();
        thread.shutdown();
        if (ownsMedia) {
            media.close();
        }
        state.set(CallState.CLOSED);
    }

    // --- engine thread ---

    private void onServerMessage(ServerMessage message) {
        router.route(message);
    }

    private void onResumed(ServerMessage.Joined joined) {
        visit.onResumed(joined);
    }

    private void onRejoinRefused(SignalingException refusal) {
        visit.onRejoinRefused(refusal);
    }

    private CompletableFuture<ServerMessage> request(Function<String, ClientMessage> withId) {
        return thread.compose(() -> link.connectAndRequest(withId));
    }

    private CompletableFuture<Void> inRoom(Consumer<RoomCall> action) {
        return thread.submit(() -> {
            RoomCall r = visit.room();
            if (r == null) {
                throw new IllegalStateException("Not in a room");
            }
            action.accept(r);
            return null;
        });
    }
}

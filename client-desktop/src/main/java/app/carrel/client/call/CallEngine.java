package app.carrel.client.call;

import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.MediaFactory;
import app.carrel.client.signaling.SignalingClient;
import app.carrel.client.signaling.SignalingException;
import app.carrel.client.signaling.SignalingListener;
import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.Peer;
import app.carrel.protocol.Room;
import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TimerAction;
import app.carrel.protocol.TimerPhase;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Carrel call without any UI: connects to a server, joins a room and keeps a mesh of peer
 * connections. Commands return futures; events reach {@link CallListener}s.
 * All state is owned by the engine thread ({@link EngineThread}); public methods only hand work
 * to it, so they may be called from any thread. {@link #close()} frees every native object:
 * peer connections, tracks, sources, then the factory and audio module.
 */
public final class CallEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallEngine.class);

    private final CallConfig config;
    private final EngineThread thread = new EngineThread();
    private final CallListeners listeners = new CallListeners();
    private final StateHolder state = new StateHolder(listeners);
    private final MediaFactory media;
    // Where each participant's video goes, by participant id. Engine-thread state like the room:
    // written only through setVideoSink's hand-off, so a sink set while a join and its first
    // offer are in flight is seen by the session that offer creates (no check-then-act).
    private final Map<String, RemoteVideoSink> sinks = new HashMap<>();
    private final Signaling signaling;
    // Engine-thread state.
    private RoomCall room;
    private volatile RoomCall roomView;
    private boolean devicesChosen;

    public CallEngine(CallConfig config, MediaFactory media) {
        this.config = config;
        this.media = media;
        this.signaling = new Signaling(config, thread, listeners, state, this::onServerMessage, this::onResumed,
                this::onRejoinRefused);
        AudioLevels levels = new AudioLevels(listeners);
        thread.every(Duration.ofMillis(200), () -> levels.poll(room));
    }

    /** An engine with its own media factory; the audio module is chosen without hanging. */
    public static CallEngine create(CallConfig config) {
        return new CallEngine(config, MediaFactory.createForSystem());
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
        return thread.submit(signaling::connect).thenCompose(f -> f);
    }

    public CompletableFuture<List<Room>> listRooms() {
        return request(ClientMessage.ListRooms::new).thenApply(m -> ((ServerMessage.Rooms) m).rooms());
    }

    public CompletableFuture<Room> createRoom(String name, Integer capacity, String password) {
        return request(id -> new ClientMessage.CreateRoom(id, name, capacity, password))
                .thenApply(m -> ((ServerMessage.RoomCreated) m).room());
    }

    /** Joins a room by id; fails with a {@link SignalingException} (room-full, wrong-password, …). */
    public CompletableFuture<JoinedRoom> join(String roomId, String password) {
        return thread.submit(() -> {
            if (room != null) {
                throw new IllegalStateException("Already in room " + room.roomId());
            }
            return signaling.connect().thenComposeAsync(v -> joinConnected(roomId, password), thread);
        }).thenCompose(f -> f);
    }

    public CompletableFuture<Void> leave() {
        return thread.submit(() -> {
            if (room == null) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            state.set(CallState.LEAVING);
            CompletableFuture<ServerMessage> left = signaling.isOpen()
                    ? signaling.request(ClientMessage.Leave::new)
                    : CompletableFuture.completedFuture(null);
            return left.handleAsync((m, e) -> {
                if (e != null) {
                    log.warn("Leave was not acknowledged: {}", e.toString());
                }
                endRoom();
                state.set(signaling.isOpen() ? CallState.LOBBY : CallState.IDLE);
                return (Void) null;
            }, thread);
        }).thenCompose(f -> f);
    }

    public CompletableFuture<Void> setMicrophone(boolean on) {
        return inRoom(r -> {
            r.local().setMicrophone(on);
            r.updateAudio();
            sendMediaState(r);
        });
    }

    public CompletableFuture<Void> setCamera(boolean on) {
        return inRoom(r -> {
            r.local().setCamera(on);
            sendMediaState(r);
        });
    }

    /** Shares the whole screen as an extra video; every connection renegotiates. */
    public CompletableFuture<Void> startScreenShare() {
        return inRoom(r -> {
            r.local().startScreen();
            r.updateScreen();
            sendMediaState(r);
        });
    }

    public CompletableFuture<Void> stopScreenShare() {
        return inRoom(r -> {
            r.local().stopScreen();
            r.updateScreen();
            r.local().disposeStoppedScreen();
            sendMediaState(r);
        });
    }

    public CompletableFuture<ServerMessage.Chat> sendChat(String text) {
        return request(id -> new ClientMessage.Chat(id, text)).thenApply(m -> (ServerMessage.Chat) m);
    }

    public CompletableFuture<ServerMessage.Timer> sendTimer(TimerAction action, TimerPhase phase, Integer seconds) {
        return request(id -> new ClientMessage.Timer(id, action, phase, seconds)).thenApply(m -> (ServerMessage.Timer) m);
    }

    public CompletableFuture<PeerStats> stats(String peerId) {
        return thread.submit(() -> room == null
                ? CompletableFuture.<PeerStats>failedFuture(new IllegalStateException("Not in a room"))
                : room.stats(peerId)).thenCompose(f -> f);
    }

    /** Stats of every connection, in the order peers joined. */
    public CompletableFuture<List<PeerStats>> stats() {
        return thread.submit(() -> room == null ? List.<String>of() : room.connectedPeerIds())
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
        thread.execute(() -> {
            if (sink == null) {
                sinks.remove(peerId);
            } else {
                sinks.put(peerId, sink);
            }
            RemoteMedia remote = room == null ? null : room.remoteMedia(peerId);
            if (remote != null) {
                remote.setSink(sink);
            }
        });
    }

    /** What has arrived of one participant's video so far (safe from any thread). */
    public VideoReception videoReception(String peerId, VideoKind kind) {
        RoomCall r = roomView;
        RemoteMedia remote = r == null ? null : r.remoteMedia(peerId);
        return remote == null ? VideoReception.NONE : remote.reception(kind);
    }

    public String selfId() {
        RoomCall r = roomView;
        return r == null ? null : r.selfId();
    }

    public String roomId() {
        RoomCall r = roomView;
        return r == null ? null : r.roomId();
    }

    /** The other participants with their media flags, as of the engine's last event. */
    public List<Peer> peers() {
        return thread.call(() -> room == null ? List.<Peer>of() : room.peers());
    }

    public MediaFlags localMedia() {
        return thread.call(() -> room == null ? null : room.local().flags());
    }

    /** The state of the peer connection to one participant, or null when there is none. */
    public String connectionState(String peerId) {
        return thread.call(() -> {
            var s = room == null ? null : room.connectionState(peerId);
            return s == null ? null : s.name().toLowerCase();
        });
    }

    /**
     * Restarts ICE towards one participant, as a failed connection does by itself; true when an
     * offer with new credentials is on its way. Package-private: tests prove the mechanism with it.
     */
    CompletableFuture<Boolean> restartIce(String peerId) {
        return thread.submit(() -> {
            PeerSession session = room == null ? null : room.sessionTo(peerId);
            return session != null && session.restartIce();
        });
    }

    /** A look at the room on the engine thread, for tests of this package; null outside a room. */
    <T> T inspect(java.util.function.Function<RoomCall, T> look) {
        return thread.call(() -> room == null ? null : look.apply(room));
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
            endRoom();
            return null;
        });
        signaling.shutdown();
        thread.shutdown();
        media.close();
        state.set(CallState.CLOSED);
    }

    // --- engine thread ---

    private CompletableFuture<JoinedRoom> joinConnected(String roomId, String password) {
        state.set(CallState.JOINING);
        if (!devicesChosen) { // before our first audio track, while no audio runs yet
            devicesChosen = true;
            media.useAudioDevices(config.microphone(), config.speaker())
                    .forEach(notice -> listeners.fire(l -> l.onProblem(notice)));
        }
        LocalMedia local = new LocalMedia(media, config.camera(), config.screen(), config.microphoneOn(), config.cameraOn());
        MediaFlags flags = local.flags();
        return signaling.request(id -> new ClientMessage.Join(id, roomId, config.name(), password, null,
                        flags.audio(), flags.video(), flags.screen()))
                .handleAsync((message, error) -> {
                    if (error != null) {
                        local.close();
                        state.set(signaling.isOpen() ? CallState.LOBBY : CallState.IDLE);
                        Throwable cause = SignalingException.unwrap(error);
                        throw cause instanceof RuntimeException r ? r : new SignalingException("Join failed", cause);
                    }
                    ServerMessage.Joined joined = (ServerMessage.Joined) message;
                    signaling.joined(joined, password);
                    room = new RoomCall(media, thread, signaling.relay(), peerEvents(), listeners, local, sinks, joined);
                    roomView = room;
                    JoinedRoom result = JoinedRoom.of(joined);
                    state.set(CallState.IN_CALL);
                    listeners.fire(l -> l.onJoined(result));
                    return result;
                }, thread);
    }

    private void onServerMessage(ServerMessage message) {
        if (message instanceof ServerMessage.Rooms rooms) {
            listeners.fire(l -> l.onRooms(rooms.rooms()));
        } else if (message instanceof ServerMessage.Chat chat) {
            listeners.fire(l -> l.onChat(chat));
        } else if (message instanceof ServerMessage.Timer timer) {
            listeners.fire(l -> l.onTimer(timer));
        } else if (message instanceof ServerMessage.Error error) {
            listeners.fire(l -> l.onProblem(error.code().wire() + ": " + error.message()));
        } else if (room == null) {
            log.debug("Ignoring {} outside a room", message.getClass().getSimpleName());
        } else if (message instanceof ServerMessage.Offer offer) {
            room.onOffer(offer);
        } else if (message instanceof ServerMessage.Answer answer) {
            room.onAnswer(answer);
        } else if (message instanceof ServerMessage.Ice ice) {
            room.onIce(ice);
        } else if (message instanceof ServerMessage.PeerJoined joined) {
            room.onPeerJoined(joined.peer());
        } else if (message instanceof ServerMessage.PeerLeft left) {
            room.onPeerLeft(left.peer());
        } else if (message instanceof ServerMessage.MediaState media) {
            room.onMediaState(media);
        } else {
            log.debug("Ignoring {}", message.getClass().getSimpleName());
        }
    }

    private void onResumed(ServerMessage.Joined joined) {
        if (room != null) {
            room.resumed(joined);
            sendMediaState(room);
        }
    }

    /** Back after an outage, the server would not seat us again: the visit is over. */
    private void onRejoinRefused(SignalingException refusal) {
        String reason = describeRefusal(refusal);
        endRoom();
        state.set(CallState.IDLE);
        listeners.fire(l -> l.onRoomEnded(reason));
    }

    private static String describeRefusal(SignalingException refusal) {
        return switch (refusal.code()) {
            case ROOM_FULL -> "You were disconnected too long and the room filled up meanwhile.";
            case ROOM_NOT_FOUND -> "The room no longer exists.";
            case WRONG_PASSWORD -> "The room's password changed while you were disconnected.";
            default -> "The server would not let you back in (" + refusal.reason() + ").";
        };
    }

    private void endRoom() {
        if (room != null) {
            room.close();
            room = null;
            roomView = null;
            signaling.left();
        }
    }

    private void sendMediaState(RoomCall r) {
        MediaFlags flags = r.local().flags();
        signaling.sendOrQueue(new ClientMessage.MediaState(null, flags.audio(), flags.video(), flags.screen()));
    }

    private CompletableFuture<ServerMessage> request(java.util.function.Function<String, ClientMessage> withId) {
        return thread.submit(() -> signaling.connect().thenCompose(v -> signaling.request(withId)))
                .thenCompose(f -> f);
    }

    private CompletableFuture<Void> inRoom(java.util.function.Consumer<RoomCall> action) {
        return thread.submit(() -> {
            if (room == null) {
                throw new IllegalStateException("Not in a room");
            }
            action.accept(room);
            return null;
        });
    }

    private PeerEvents peerEvents() {
        return new PeerEvents() {
            @Override
            public void onConnectionState(String peerId, dev.onvoid.webrtc.RTCPeerConnectionState s) {
                listeners.fire(l -> l.onConnectionState(peerId, s));
            }

            @Override
            public void onProblem(String message) {
                log.warn(message);
                listeners.fire(l -> l.onProblem(message));
            }
        };
    }
}

package app.carrel.client.call;

import app.carrel.client.i18n.Texts;
import app.carrel.client.media.MediaFactory;
import app.carrel.client.signaling.SignalingException;
import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.ServerMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of a room visit: join, leave, resume after an outage, refusal to be seated again.
 * Owns the current {@link RoomCall}; failure of a join is handled here, in one place (close our
 * media, back to the lobby or idle, the cause to the caller).
 * <p>
 * Ownership: every field is engine-thread state, except {@link #current}, which the engine thread
 * writes and any thread reads. {@link #sinks} outlives rooms: it is written only through
 * {@link #setSink} (handed to the engine thread by {@code CallEngine.setVideoSink}), so a sink set
 * while a join and its first offer are in flight is seen by the connection that offer creates.
 */
final class JoinWorkflow {

    private static final Logger log = LoggerFactory.getLogger(JoinWorkflow.class);

    private final CallConfig config;
    private final MediaFactory media;
    private final EngineThread thread;
    private final CallListeners listeners;
    private final StateHolder state;
    private final ServerLink link;
    private final PeerEvents peerEvents;
    // Where each participant's video goes, by participant id.
    private final Map<String, RemoteVideoSink> sinks = new HashMap<>();
    /** Whose video the room view shows (CallEngine#showVideoOf); empty until it says. */
    private Set<String> shown = Set.of();
    /** Whose tile is large (CallEngine#showLargeVideoOf); empty when nobody's. */
    private Set<String> large = Set.of();
    private RoomCall room;
    // The same RoomCall as room, published for readers on other threads (videoReception, selfId).
    private volatile RoomCall current;
    private boolean devicesChosen;

    JoinWorkflow(CallConfig config, MediaFactory media, EngineThread thread, CallListeners listeners,
                 StateHolder state, ServerLink link) {
        this.config = config;
        this.media = media;
        this.thread = thread;
        this.listeners = listeners;
        this.state = state;
        this.link = link;
        this.peerEvents = new PeerEvents() {
            @Override
            public void onConnectionState(String peerId, ConnectionState s) {
                listeners.fire(l -> l.onConnectionState(peerId, s));
            }

            @Override
            public void onProblem(String message) {
                log.warn(message);
                listeners.fire(l -> l.onProblem(message));
            }
        };
    }

    /** The room we are in, or null; engine thread. */
    RoomCall room() {
        return room;
    }

    /** The room we are in, or null; any thread. */
    RoomCall current() {
        return current;
    }

    CompletableFuture<JoinedRoom> join(String roomId, String password, String goal) {
        if (room != null) {
            throw new IllegalStateException("Already in room " + room.roomId());
        }
        return link.connect().thenComposeAsync(v -> joinConnected(roomId, password, goal), thread);
    }

    CompletableFuture<Void> leave() {
        if (room == null) {
            return CompletableFuture.completedFuture(null);
        }
        state.set(CallState.LEAVING);
        CompletableFuture<ServerMessage> left = link.isOpen()
                ? link.request(ClientMessage.Leave::new)
                : CompletableFuture.completedFuture(null);
        return left.handleAsync((m, e) -> {
            if (e != null) {
                log.warn("Leave was not acknowledged: {}", e.toString());
            }
            end();
            state.set(link.isOpen() ? CallState.LOBBY : CallState.IDLE);
            return (Void) null;
        }, thread);
    }

    void setSink(String peerId, RemoteVideoSink sink) {
        if (sink == null) {
            sinks.remove(peerId);
        } else {
            sinks.put(peerId, sink);
        }
        if (room != null) {
            room.transport().setSink(peerId, sink);
        }
    }

    void showVideoOf(Set<String> peerIds) {
        shown = Set.copyOf(peerIds);
        if (room != null) {
            room.transport().showVideoOf(shown);
        }
    }

    void showLargeVideoOf(String peerId) {
        large = peerId == null ? Set.of() : Set.of(peerId);
        if (room != null) {
            room.transport().showLargeVideoOf(large);
        }
    }

    /** How the current call is carried ("mesh", "sfu"), or null outside a room. */
    String transportKind() {
        return room == null ? null : room.transport().kind();
    }

    void onResumed(ServerMessage.Joined joined) {
        if (room != null) {
            room.resumed(joined);
            sendMediaState(room);
        }
    }

    /** Back after an outage, the server would not seat us again: the visit is over. */
    void onRejoinRefused(SignalingException refusal) {
        String reason = describeRefusal(refusal);
        end();
        state.set(CallState.IDLE);
        listeners.fire(l -> l.onRoomEnded(reason));
    }

    /**
     * The server put us out of the room (its owner deleted it or removed us): the visit is over,
     * the connection stays, in the lobby.
     */
    void onEvicted(String reason) {
        if (room == null) {
            return;
        }
        end();
        state.set(link.isOpen() ? CallState.LOBBY : CallState.IDLE);
        listeners.fire(l -> l.onRoomEnded(reason));
    }

    /**
     * The person picked audio devices. Before our first audio track they are simply set; once a
     * room's audio runs, the module restarts on them. Either way the join's own choice is void.
     */
    void useAudioDevices(String microphone, String speaker) {
        List<String> notices = devicesChosen
                ? media.switchAudioDevices(microphone, speaker)
                : media.useAudioDevices(microphone, speaker);
        devicesChosen = true;
        notices.forEach(notice -> listeners.fire(l -> l.onProblem(notice)));
    }

    void sendMediaState(RoomCall r) {
        MediaFlags flags = r.local().flags();
        link.sendOrQueue(new ClientMessage.MediaState(null, flags.audio(), flags.video(), flags.screen()));
    }

    /** Closes the room, if any, and tells the link we are out. */
    void end() {
        if (room != null) {
            room.close();
            room = null;
            current = null;
            link.left();
        }
    }

    private CompletableFuture<JoinedRoom> joinConnected(String roomId, String password, String goal) {
        state.set(CallState.JOINING);
        if (!devicesChosen) { // before our first audio track, while no audio runs yet
            devicesChosen = true;
            media.useAudioDevices(config.microphone(), config.speaker())
                    .forEach(notice -> listeners.fire(l -> l.onProblem(notice)));
        }
        MediaFlags flags = LocalMedia.startingFlags(config.microphoneOn(), config.cameraOn());
        String startGoal = goal == null || goal.isBlank() ? null : goal;
        CompletableFuture<ServerMessage> reply = link.request(id -> new ClientMessage.Join(id, roomId, config.name(),
                password, null, flags.audio(), flags.video(), flags.screen(), true, true, true, startGoal));
        // Our media opens while the join travels. Here each takes about 5 ms; over a real network,
        // with a real camera, both take longer and the overlap saves more (docs/benchmarks.md,
        // "Mesh call setup"). The reply completes on this thread, in arrival order, so not before
        // this method returns; `handle` (not `handleAsync`) then seats us in that same turn, and
        // what the server sends after the joined cannot overtake it (a second hop let it, and it
        // was dropped as "outside a room"). The price of the overlap: if our media cannot be
        // opened we are seated all the same, and leave again at once.
        LocalMedia local;
        try {
            local = new LocalMedia(media, config.camera(), config.screen(), config.microphoneOn(), config.cameraOn());
        } catch (RuntimeException | Error e) {
            reply.thenRun(() -> link.request(ClientMessage.Leave::new));
            state.set(link.isOpen() ? CallState.LOBBY : CallState.IDLE);
            throw e;
        }
        return reply.handle((message, error) -> seat(message, error, local, password));
    }

    /** The join's reply, with our media open. */
    private JoinedRoom seat(ServerMessage message, Throwable error, LocalMedia local, String password) {
        if (error != null) {
            local.close();
            state.set(link.isOpen() ? CallState.LOBBY : CallState.IDLE);
            Throwable cause = SignalingException.unwrap(error);
            throw cause instanceof RuntimeException r ? r : new SignalingException("Join failed", cause);
        }
        ServerMessage.Joined joined = (ServerMessage.Joined) message;
        link.joined(joined, password);
        room = new RoomCall(listeners, local, transportFor(joined, local), joined);
        room.transport().showLargeVideoOf(large);
        room.transport().showVideoOf(shown);
        current = room;
        JoinedRoom result = JoinedRoom.of(joined);
        state.set(CallState.IN_CALL);
        listeners.fire(l -> l.onJoined(result));
        return result;
    }

    /** The one place that decides how a call is carried: a hall through the SFU, else a mesh. */
    private CallTransport transportFor(ServerMessage.Joined joined, LocalMedia local) {
        if (joined.room().hall()) {
            return new SfuTransport(media, thread, link.sfu(), peerEvents, local.tracks(), sinks::get, joined,
                    SimulcastLayers.scalesFor(config.format().height()));
        }
        UplinkBudget budget = new UplinkBudget(config.format().height(), config.format().fps(), config.startFloor());
        return new MeshTransport(media, thread, link.relay(), peerEvents, local.tracks(), sinks::get, budget, joined);
    }

    private static String describeRefusal(SignalingException refusal) {
        // In the app's language: the room view shows it, and carrel-bot prints it.
        return switch (refusal.code()) {
            case ROOM_FULL -> Texts.get("rejoin.roomFull");
            case ROOM_NOT_FOUND -> Texts.get("rejoin.roomNotFound");
            case WRONG_PASSWORD -> Texts.get("rejoin.wrongPassword");
            default -> Texts.get("rejoin.refused", Texts.error(refusal.code()));
        };
    }
}

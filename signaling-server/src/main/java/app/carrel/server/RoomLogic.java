package app.carrel.server;

import app.carrel.protocol.Codec;
import app.carrel.server.access.AccessGate;
import app.carrel.server.access.AccessLimits;
import app.carrel.server.access.JoinCode;
import app.carrel.server.admin.AdminRooms;
import app.carrel.server.admin.ServerMetrics;
import app.carrel.server.chat.ChatHandler;
import app.carrel.server.chat.ChatLogs;
import app.carrel.server.gateway.Dispatcher;
import app.carrel.server.hall.HallConfig;
import app.carrel.server.hall.Halls;
import app.carrel.server.lobby.LobbyFeed;
import app.carrel.server.lobby.LobbyHandler;
import app.carrel.server.owners.Moderation;
import app.carrel.server.owners.OwnerHandler;
import app.carrel.server.owners.RoomDeletion;
import app.carrel.server.owners.RoomExpiry;
import app.carrel.server.owners.RoomsForAdmin;
import app.carrel.server.relay.RelayHandler;
import app.carrel.server.rooms.Outbox;
import app.carrel.server.rooms.RequestOrder;
import app.carrel.server.rooms.RoomDirectory;
import app.carrel.server.rooms.RoomSizes;
import app.carrel.server.rooms.RoomsExecutor;
import app.carrel.server.security.IceServers;
import app.carrel.server.security.PasswordHasher;
import app.carrel.server.seating.JoinHandler;
import app.carrel.server.seating.JoinedReply;
import app.carrel.server.seating.RemovalBlocks;
import app.carrel.server.seating.Seating;
import app.carrel.server.storage.Snapshot;
import app.carrel.server.storage.Storage;
import app.carrel.server.study.StudyHandler;
import app.carrel.server.timer.RoomTimers;
import app.carrel.server.timer.TimerHandler;
import java.time.Duration;

/**
 * The room logic wired as the server runs it, each handler given only what it uses. Plain Java on
 * a {@link RoomsExecutor}, no sockets: {@link CarrelServer} puts a {@code Gateway} in front of it,
 * unit tests ({@code RoomsFixture}) drive it directly. Everything built here is owned by the
 * rooms thread.
 */
public final class RoomLogic {
    private final RoomDirectory directory;
    private final Dispatcher dispatcher;
    private final Restorer restorer;
    private final Halls halls;
    private final AccessGate access;
    private final RoomExpiry expiry;
    private final RoomsForAdmin admin;

    /** Without per-address limits or a join code (room-logic tests about something else). */
    public RoomLogic(RoomsExecutor executor, Storage storage, ServerMetrics metrics, Codec codec, PasswordHasher hasher,
                     IceServers iceServers, RoomSizes sizes, Duration resumeGrace, HallConfig hallConfig) {
        this(executor, storage, metrics, codec, hasher, iceServers, sizes, resumeGrace, hallConfig,
                AccessLimits.unlimited(), null, Duration.ofDays(30), Duration.ofHours(1));
    }

    /**
     * {@code joinCode}: null when the server has none; {@code roomTtl}: how long a room may stay
     * empty; {@code expirySweep}: how often that is checked.
     */
    public RoomLogic(RoomsExecutor executor, Storage storage, ServerMetrics metrics, Codec codec, PasswordHasher hasher,
                     IceServers iceServers, RoomSizes sizes, Duration resumeGrace, HallConfig hallConfig,
                     AccessLimits limits, JoinCode joinCode, Duration roomTtl, Duration expirySweep) {
        Outbox outbox = new Outbox(codec, metrics);
        access = new AccessGate(limits, joinCode, outbox, executor);
        directory = new RoomDirectory(metrics);
        RequestOrder order = new RequestOrder(executor, outbox);
        LobbyFeed lobby = new LobbyFeed(directory, outbox, executor);
        ChatLogs chat = new ChatLogs();
        RoomTimers timers = new RoomTimers();
        halls = new Halls(hallConfig, executor, outbox);
        StudyHandler study = new StudyHandler(outbox, storage);
        TimerHandler timer = new TimerHandler(timers, outbox, storage, executor, lobby, study::focusStarted);
        Seating seating = new Seating(directory, outbox, storage, lobby, executor, resumeGrace, halls,
                timer::sessionEnded);
        RemovalBlocks blocks = new RemovalBlocks();
        RoomDeletion deletion = new RoomDeletion(directory, seating, chat, timers, blocks, storage, lobby, access::roomRemoved);
        expiry = new RoomExpiry(directory, deletion, executor, roomTtl, expirySweep);
        admin = new RoomsForAdmin(directory, executor, deletion, storage, lobby, outbox, sizes);
        dispatcher = new Dispatcher(order, outbox,
                new LobbyHandler(lobby, directory, outbox, order, hasher, storage, executor, sizes, access),
                new JoinHandler(directory, outbox, order, hasher, executor, seating,
                        new JoinedReply(iceServers, chat, timers), halls, blocks),
                seating,
                new RelayHandler(directory, outbox, metrics),
                new ChatHandler(chat, outbox, storage, executor),
                timer,
                halls,
                access,
                new OwnerHandler(directory, outbox, order, hasher, storage, lobby, sizes, deletion),
                new Moderation(directory, outbox, seating, blocks, executor),
                study);
        restorer = new Restorer(directory, chat, timer, seating, storage, executor, resumeGrace, sizes);
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** The study halls; connect them ({@link Halls#start}) on the rooms thread. */
    public Halls halls() {
        return halls;
    }

    /** Per-address limits and the join code; whoever removes a room tells it ({@link AccessGate#roomRemoved}). */
    public AccessGate access() {
        return access;
    }

    /** Deletes rooms empty for the room TTL; start it ({@link RoomExpiry#start}) on the rooms thread after restore. */
    public RoomExpiry expiry() {
        return expiry;
    }

    /** The admin API's room commands. */
    public AdminRooms adminRooms() {
        return admin;
    }

    public RoomDirectory directory() {
        return directory;
    }

    /** Rebuilds the rooms the database holds; on the rooms thread, before any connection. */
    public void restore(Snapshot snapshot) {
        restorer.restore(snapshot);
    }
}

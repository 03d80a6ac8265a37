package app.carrel.server.rooms;

import app.carrel.server.admin.ServerMetrics;
import app.carrel.server.lobby.LobbyFeed;
import app.carrel.server.security.IceServers;
import app.carrel.server.security.PasswordHasher;
import app.carrel.server.storage.Storage;
import java.time.Duration;

/** What the request handlers share; every piece of it is used on the rooms thread. */
public record RoomsContext(
        RoomDirectory directory,
        Outbox outbox,
        RoomsExecutor executor,
        RequestOrder order,
        Storage storage,
        LobbyFeed lobby,
        ServerMetrics metrics,
        PasswordHasher hasher,
        IceServers iceServers,
        int maxCapacity,
        Duration resumeGrace) {
}

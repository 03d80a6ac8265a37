package app.carrel.server.access;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.CloseCodes;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.Outbox;
import app.carrel.server.rooms.RoomsExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use the server, and how much: the per-address limits ({@link AddressQuotas}) and the
 * optional join code, applied to connections as room logic sees them. Each refusal has its own
 * error code (docs/protocol.md §11).
 *
 * <p>Rooms thread only, like the quotas it owns: opens, closes, requests and room creations all
 * arrive there already, in order, so the counts need no lock.
 */
public final class AccessGate {
    private static final Logger LOG = LoggerFactory.getLogger(AccessGate.class);
    /** A flood of refused connections logs its first refusal and then one line per this many. */
    private static final int LOG_EVERY = 1_000;

    private final AddressQuotas quotas;
    private final JoinCode joinCode;
    private final Outbox outbox;
    private final RoomsExecutor executor;
    private long refusedConnections;

    /** {@code joinCode}: null when the server has none (everyone is admitted). */
    public AccessGate(AccessLimits limits, JoinCode joinCode, Outbox outbox, RoomsExecutor executor) {
        this.quotas = new AddressQuotas(limits);
        this.joinCode = joinCode;
        this.outbox = outbox;
        this.executor = executor;
    }

    /**
     * A new connection counts against its address; one beyond the limit is told why and closed
     * with 1008 (policy), as sustained rate abuse is. It had its {@code welcome} already.
     */
    public void opened(Connection c) {
        if (quotas.connect(c.address())) {
            return;
        }
        c.refuseAccess();
        if (refusedConnections++ % LOG_EVERY == 0) {
            LOG.info("Refusing connections from {}: {} open, the limit per address ({} refused so far)",
                    c.address(), quotas.connections(c.address()), refusedConnections);
        }
        int limit = quotas.limits().connections();
        outbox.error(c, null, ErrorCode.TOO_MANY_CONNECTIONS, "Your network already has " + limit
                + " connections open to this server, the most it allows one address");
        c.outlet().close(CloseCodes.POLICY_VIOLATION, "Too many connections from one address");
    }

    public void closed(Connection c) {
        if (!c.accessRefused()) {
            quotas.disconnected(c.address(), executor.now());
        }
    }

    /**
     * True when {@code m} may go on to the room logic. Otherwise it has been answered here: a
     * {@code join-code}, or anything before the right code on a server that has one. A connection
     * refused at open is closing and gets no answers at all.
     */
    public boolean admits(Connection c, ClientMessage m) {
        if (c.accessRefused()) {
            return false;
        }
        if (m instanceof ClientMessage.JoinCode code) {
            onJoinCode(c, code);
            return false;
        }
        if (joinCode == null || c.accessAdmitted()) {
            return true;
        }
        outbox.error(c, m.id(), ErrorCode.JOIN_CODE_REQUIRED, "This server is private: send its join code first"
                + " (ask whoever runs it). Update Carrel if it does not ask you for one.");
        return false;
    }

    /**
     * Counts a room {@code c} is about to create as {@code roomId}, or answers why it may not;
     * call {@link #roomRemoved} if the room is not made after all.
     */
    public boolean mayCreateRoom(Connection c, String requestId, String roomId) {
        AddressQuotas.RoomVerdict verdict = quotas.createRoom(c.address(), roomId, executor.now());
        if (verdict == AddressQuotas.RoomVerdict.HOURLY_LIMIT) {
            outbox.error(c, requestId, ErrorCode.TOO_MANY_ROOM_CREATIONS, "Your network has created "
                    + quotas.limits().roomCreationsPerHour() + " rooms in the last hour, the most this server"
                    + " allows; use an existing room, or try again later");
            return false;
        }
        if (verdict == AddressQuotas.RoomVerdict.LIVE_LIMIT) {
            outbox.error(c, requestId, ErrorCode.TOO_MANY_ROOMS, "Your network has created "
                    + quotas.limits().liveRooms() + " rooms that still exist, the most this server allows;"
                    + " use one of them");
            return false;
        }
        return true;
    }

    /** A room is gone (deleted, expired, or not made after all); its creator's count goes down. */
    public void roomRemoved(String roomId) {
        quotas.roomRemoved(roomId, executor.now());
    }

    public boolean joinCodeRequired() {
        return joinCode != null;
    }

    private void onJoinCode(Connection c, ClientMessage.JoinCode m) {
        long now = executor.now();
        if (joinCode == null) {
            c.admitAccess();
            outbox.send(c, new ServerMessage.JoinCodeAccepted(m.id()));
            return;
        }
        // Checked before the code itself, so a guess beyond the limit learns nothing, right or wrong.
        if (!quotas.mayTryJoinCode(c.address(), now)) {
            outbox.error(c, m.id(), ErrorCode.TOO_MANY_JOIN_CODE_ATTEMPTS, "Too many wrong join codes from your"
                    + " network in the last hour; try again later");
            return;
        }
        if (joinCode.matches(m.code())) {
            c.admitAccess();
            outbox.send(c, new ServerMessage.JoinCodeAccepted(m.id()));
        } else {
            quotas.joinCodeFailed(c.address(), now);
            outbox.error(c, m.id(), ErrorCode.WRONG_JOIN_CODE, "That is not this server's join code");
        }
    }
}

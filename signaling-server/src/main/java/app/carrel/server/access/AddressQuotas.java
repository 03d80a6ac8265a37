package app.carrel.server.access;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * What each remote address uses now: open connections, rooms created in the last hour, rooms it
 * created that still exist, wrong join codes in the last hour. Pure bookkeeping: the caller
 * passes the time, so tests move a clock by hand.
 *
 * <p>Owned by the rooms thread (through {@link AccessGate}); nothing here is synchronized.
 *
 * <p>Kept in memory only: after a restart the rooms already stored count for nobody, and no
 * address is ever written to the database (a school's server need not keep who connected from
 * where). Memory stays bounded: an address's hourly windows hold at most its limit of times, and
 * an address with nothing open and nothing in its windows is forgotten.
 */
public final class AddressQuotas {
    static final long HOUR_MILLIS = 3_600_000L;

    /** Why a room may not be created. */
    public enum RoomVerdict { ALLOWED, HOURLY_LIMIT, LIVE_LIMIT }

    private final AccessLimits limits;
    private final Map<String, Usage> byAddress = new HashMap<>();
    /** Room id → the address that created it, while the room exists. */
    private final Map<String, String> creators = new HashMap<>();
    private int sizeAfterSweep;

    public AddressQuotas(AccessLimits limits) {
        this.limits = limits;
    }

    public AccessLimits limits() {
        return limits;
    }

    /** Counts a new connection, or refuses it (false) when the address has its limit open. */
    public boolean connect(String address) {
        Usage usage = byAddress.computeIfAbsent(address, a -> new Usage());
        if (usage.connections >= limits.connections()) {
            return false;
        }
        usage.connections++;
        return true;
    }

    /** A counted connection closed. */
    public void disconnected(String address, long nowMillis) {
        Usage usage = byAddress.get(address);
        if (usage != null && usage.connections > 0) {
            usage.connections--;
            forgetIfIdle(address, usage, nowMillis);
        }
        if (byAddress.size() > 2 * sizeAfterSweep + 64) {
            sweep(nowMillis);
        }
    }

    /**
     * Records the creation of {@code roomId} by {@code address} if both of its limits allow it;
     * otherwise records nothing and says which limit it reached.
     */
    public RoomVerdict createRoom(String address, String roomId, long nowMillis) {
        Usage usage = byAddress.computeIfAbsent(address, a -> new Usage());
        prune(usage.creations, nowMillis);
        if (usage.creations.size() >= limits.roomCreationsPerHour()) {
            return RoomVerdict.HOURLY_LIMIT;
        }
        if (usage.liveRooms >= limits.liveRooms()) {
            return RoomVerdict.LIVE_LIMIT;
        }
        usage.creations.addLast(nowMillis);
        usage.liveRooms++;
        creators.put(roomId, address);
        return RoomVerdict.ALLOWED;
    }

    /**
     * The room is gone (deleted, expired, or never made after all): its creator may have another.
     * Rooms that no address created here (restored after a restart) are ignored.
     */
    public void roomRemoved(String roomId, long nowMillis) {
        String address = creators.remove(roomId);
        Usage usage = address == null ? null : byAddress.get(address);
        if (usage != null && usage.liveRooms > 0) {
            usage.liveRooms--;
            forgetIfIdle(address, usage, nowMillis);
        }
    }

    /** False while the address has had its limit of wrong join codes within the last hour. */
    public boolean mayTryJoinCode(String address, long nowMillis) {
        Usage usage = byAddress.get(address);
        if (usage == null) {
            return true;
        }
        prune(usage.codeFailures, nowMillis);
        return usage.codeFailures.size() < limits.joinCodeFailuresPerHour();
    }

    public void joinCodeFailed(String address, long nowMillis) {
        Usage usage = byAddress.computeIfAbsent(address, a -> new Usage());
        prune(usage.codeFailures, nowMillis);
        if (usage.codeFailures.size() < limits.joinCodeFailuresPerHour()) {
            usage.codeFailures.addLast(nowMillis);
        }
    }

    public int connections(String address) {
        Usage usage = byAddress.get(address);
        return usage == null ? 0 : usage.connections;
    }

    public int liveRooms(String address) {
        Usage usage = byAddress.get(address);
        return usage == null ? 0 : usage.liveRooms;
    }

    /** How many addresses are remembered (for the test that memory stays bounded). */
    int addresses() {
        return byAddress.size();
    }

    /** Forgets every address with nothing open and nothing in the last hour. */
    void sweep(long nowMillis) {
        Iterator<Map.Entry<String, Usage>> it = byAddress.entrySet().iterator();
        while (it.hasNext()) {
            Usage usage = it.next().getValue();
            prune(usage.creations, nowMillis);
            prune(usage.codeFailures, nowMillis);
            if (usage.idle()) {
                it.remove();
            }
        }
        sizeAfterSweep = byAddress.size();
    }

    private void forgetIfIdle(String address, Usage usage, long nowMillis) {
        prune(usage.creations, nowMillis);
        prune(usage.codeFailures, nowMillis);
        if (usage.idle()) {
            byAddress.remove(address);
        }
    }

    private static void prune(ArrayDeque<Long> times, long nowMillis) {
        while (!times.isEmpty() && times.peekFirst() <= nowMillis - HOUR_MILLIS) {
            times.pollFirst();
        }
    }

    private static final class Usage {
        int connections;
        int liveRooms;
        /** When this address created rooms in the last hour, oldest first. */
        final ArrayDeque<Long> creations = new ArrayDeque<>();
        /** When it gave a wrong join code in the last hour, oldest first. */
        final ArrayDeque<Long> codeFailures = new ArrayDeque<>();

        boolean idle() {
            return connections == 0 && liveRooms == 0 && creations.isEmpty() && codeFailures.isEmpty();
        }
    }
}

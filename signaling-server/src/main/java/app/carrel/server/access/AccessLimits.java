package app.carrel.server.access;

/**
 * How much one remote address (see {@link AddressKey}) may use the server. The defaults are for a
 * school behind one NAT address, where every pupil and teacher shares one public address:
 * <ul>
 *   <li>{@code connections} 1,000: 500 people online at once, each app holding two connections
 *   (its lobby stays connected while its room has its own). Enough for a large school's busiest
 *   hour; a flood from one address stops at the point where it would start to cost the server
 *   real memory (about 1 MB per thousand idle connections, plus one socket each).</li>
 *   <li>{@code roomCreationsPerHour} 300: thirty classes each making ten group rooms at the start
 *   of the same lesson. Rooms are kept and reused, so normal use makes far fewer; the measured
 *   flood (6,000 rooms in 3.2 s) now makes 300 in an hour.</li>
 *   <li>{@code liveRooms} 2,000: rooms this address created (since the server started) that still
 *   exist: a school of 1,500 working in pairs and threes needs about 600, a term's worth of
 *   leftovers fits beside them. It is what bounds the lobby: every subscriber receives the whole
 *   list.</li>
 *   <li>{@code joinCodeFailuresPerHour} 600: one mistyped code per person of a large school in
 *   the hour everyone first connects; a guesser gets 600 tries an hour, which is why the join
 *   code should be long (four random words, or 16 random characters).</li>
 * </ul>
 * Behind a reverse proxy every client has the proxy's address: raise the limits there.
 */
public record AccessLimits(int connections, int roomCreationsPerHour, int liveRooms, int joinCodeFailuresPerHour) {

    public static final int DEFAULT_CONNECTIONS = 1_000;
    public static final int DEFAULT_ROOM_CREATIONS_PER_HOUR = 300;
    public static final int DEFAULT_LIVE_ROOMS = 2_000;
    public static final int DEFAULT_JOIN_CODE_FAILURES_PER_HOUR = 600;

    public AccessLimits {
        if (connections < 1 || roomCreationsPerHour < 1 || liveRooms < 1 || joinCodeFailuresPerHour < 1) {
            throw new IllegalArgumentException("Per-address limits must be at least 1");
        }
    }

    public static AccessLimits defaults() {
        return new AccessLimits(DEFAULT_CONNECTIONS, DEFAULT_ROOM_CREATIONS_PER_HOUR, DEFAULT_LIVE_ROOMS,
                DEFAULT_JOIN_CODE_FAILURES_PER_HOUR);
    }

    /** For room-logic tests that are about something else. */
    public static AccessLimits unlimited() {
        return new AccessLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }
}

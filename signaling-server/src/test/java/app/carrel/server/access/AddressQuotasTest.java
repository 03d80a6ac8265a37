package app.carrel.server.access;

import static app.carrel.server.access.AddressQuotas.HOUR_MILLIS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.access.AddressQuotas.RoomVerdict;
import org.junit.jupiter.api.Test;

/** The per-address bookkeeping on a clock moved by hand. */
class AddressQuotasTest {
    private static final String SCHOOL = "203.0.113.7";
    private static final String HOME = "198.51.100.2";

    private final AddressQuotas quotas = new AddressQuotas(new AccessLimits(3, 4, 6, 2));
    private long now = 1_700_000_000_000L;

    @Test
    void connectionsBeyondTheLimitAreRefusedUntilOneCloses() {
        assertTrue(quotas.connect(SCHOOL));
        assertTrue(quotas.connect(SCHOOL));
        assertTrue(quotas.connect(SCHOOL));
        assertFalse(quotas.connect(SCHOOL));
        assertEquals(3, quotas.connections(SCHOOL));

        quotas.disconnected(SCHOOL, now);
        assertTrue(quotas.connect(SCHOOL));
    }

    @Test
    void anotherAddressIsNotAffected() {
        for (int i = 0; i < 3; i++) {
            quotas.connect(SCHOOL);
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(RoomVerdict.ALLOWED, quotas.createRoom(SCHOOL, "s" + i, now));
        }
        assertFalse(quotas.connect(SCHOOL));
        assertEquals(RoomVerdict.HOURLY_LIMIT, quotas.createRoom(SCHOOL, "s4", now));

        assertTrue(quotas.connect(HOME));
        assertEquals(RoomVerdict.ALLOWED, quotas.createRoom(HOME, "h0", now));
    }

    @Test
    void theHourlyLimitIsASlidingHour() {
        for (int i = 0; i < 4; i++) {
            assertEquals(RoomVerdict.ALLOWED, quotas.createRoom(SCHOOL, "a" + i, now + i * 1000L));
        }
        assertEquals(RoomVerdict.HOURLY_LIMIT, quotas.createRoom(SCHOOL, "x", now + HOUR_MILLIS - 1));
        // An hour after the first creation, one place is free again; not two.
        assertEquals(RoomVerdict.ALLOWED, quotas.createRoom(SCHOOL, "b0", now + HOUR_MILLIS));
        assertEquals(RoomVerdict.HOURLY_LIMIT, quotas.createRoom(SCHOOL, "y", now + HOUR_MILLIS));
        assertEquals(RoomVerdict.ALLOWED, quotas.createRoom(SCHOOL, "b1", now + HOUR_MILLIS + 1000));
    }

    @Test
    void liveRoomsCountUntilRemoved() {
        for (int i = 0; i < 6; i++) {
            assertEquals(RoomVerdict.ALLOWED, quotas.createRoom(SCHOOL, "r" + i, now + (i / 4) * HOUR_MILLIS));
        }
        now += 3 * HOUR_MILLIS; // the hourly window is empty again
        assertEquals(RoomVerdict.LIVE_LIMIT, quotas.createRoom(SCHOOL, "r6", now));
        assertEquals(6, quotas.liveRooms(SCHOOL));

        quotas.roomRemoved("r2", now);
        quotas.roomRemoved("restored-after-a-restart", now); // no creator known: ignored
        assertEquals(5, quotas.liveRooms(SCHOOL));
        assertEquals(RoomVerdict.ALLOWED, quotas.createRoom(SCHOOL, "r7", now));
        assertEquals(RoomVerdict.LIVE_LIMIT, quotas.createRoom(SCHOOL, "r8", now));
    }

    @Test
    void aRefusedCreationRecordsNothing() {
        AddressQuotas tight = new AddressQuotas(new AccessLimits(1, 100, 1, 1));
        assertEquals(RoomVerdict.ALLOWED, tight.createRoom(SCHOOL, "one", now));
        for (int i = 0; i < 50; i++) {
            assertEquals(RoomVerdict.LIVE_LIMIT, tight.createRoom(SCHOOL, "no" + i, now));
        }
        tight.roomRemoved("one", now);
        assertEquals(RoomVerdict.ALLOWED, tight.createRoom(SCHOOL, "two", now), "refusals used no hourly places");
    }

    @Test
    void wrongJoinCodesBlockTheAddressForAnHour() {
        assertTrue(quotas.mayTryJoinCode(SCHOOL, now));
        quotas.joinCodeFailed(SCHOOL, now);
        quotas.joinCodeFailed(SCHOOL, now + 10);
        assertFalse(quotas.mayTryJoinCode(SCHOOL, now + 20));
        assertTrue(quotas.mayTryJoinCode(HOME, now + 20));
        assertTrue(quotas.mayTryJoinCode(SCHOOL, now + HOUR_MILLIS), "the first failure is an hour old");
    }

    @Test
    void addressesWithNothingLeftAreForgotten() {
        for (int i = 0; i < 1_000; i++) {
            String address = "10.0." + (i / 250) + "." + (i % 250);
            quotas.connect(address);
            quotas.disconnected(address, now);
        }
        assertEquals(0, quotas.addresses());

        for (int i = 0; i < 1_000; i++) {
            String address = "10.1." + (i / 250) + "." + (i % 250);
            quotas.connect(address);
            quotas.joinCodeFailed(address, now); // keeps it for an hour
            quotas.disconnected(address, now);
        }
        assertEquals(1_000, quotas.addresses());
        // An hour later, as the map grows with new addresses, a disconnect sweeps out the old ones.
        for (int i = 0; i < 2_000; i++) {
            String address = "10.2." + (i / 250) + "." + (i % 250);
            quotas.connect(address);
            quotas.joinCodeFailed(address, now + HOUR_MILLIS);
            quotas.disconnected(address, now + HOUR_MILLIS);
        }
        assertEquals(2_000, quotas.addresses());
        quotas.sweep(now + 2 * HOUR_MILLIS);
        assertEquals(0, quotas.addresses());
    }
}

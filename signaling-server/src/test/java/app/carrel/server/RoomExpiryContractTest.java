package app.carrel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * --room-ttl: rooms empty for the TTL are deleted, unless kept; the server's clock is moved by
 * days, and the expiry holds across a restart.
 */
@ContractTest
class RoomExpiryContractTest {
    private static final Duration TTL = Duration.ofDays(30);
    /** Several sweeps (every 100 ms) pass in this time. */
    private static final Duration SWEEPS = Duration.ofMillis(600);

    @RegisterExtension
    final ServerFixture server = new ServerFixture().roomTtl(TTL);

    @Test
    void anEmptyRoomGoesAfterTheTtlAndTheLobbySeesIt() {
        String room = server.createRoom("Forgotten");
        RecordingClient lobby = server.connect();
        lobby.sendJson("type", "list-rooms", "id", "l");
        lobby.expect("rooms");
        server.clock().advance(TTL.minusHours(1));
        lobby.expectNothingFor(SWEEPS);
        assertTrue(listed(room), "not yet: 29 days and 23 hours");

        server.clock().advance(Duration.ofHours(2));
        OwnerContractTest.awaitRoom(lobby, room, null);
    }

    @Test
    void anOccupiedRoomAndAKeptRoomStay() {
        String occupied = server.createRoom("Busy");
        Member ann = server.join(occupied, "Ann");
        JsonNode created = server.createOwnedRoom("Kept", 4);
        String kept = created.path("room").path("id").asText();
        RecordingClient owner = server.connect();
        owner.sendJson("type", "update-room", "id", "k", "room", kept, "owner", created.path("owner").asText(),
                "keep", true);
        owner.expect("room-updated");

        server.clock().advance(TTL.plusDays(5));
        awaitSweeps();
        assertTrue(listed(occupied) && listed(kept));

        // Empty from now on: the TTL counts from when the last person left, not from creation.
        ann.send("type", "leave", "id", "bye");
        ann.expect("left");
        server.clock().advance(TTL.minusDays(1));
        awaitSweeps();
        assertTrue(listed(occupied));
        server.clock().advance(Duration.ofDays(2));
        RecordingClient lobby = server.connect();
        lobby.sendJson("type", "list-rooms", "id", "l");
        if (lobby.expect("rooms").toString().contains(occupied)) {
            OwnerContractTest.awaitRoom(lobby, occupied, null);
        }
        assertTrue(listed(kept));
    }

    @Test
    void aRoomThatExpiredWhileTheServerWasDownIsGoneAtStartAndKeepSurvivesTheRestart() {
        String plain = server.createRoom("Plain");
        JsonNode created = server.createOwnedRoom("Kept", 4);
        String kept = created.path("room").path("id").asText();
        RecordingClient owner = server.connect();
        owner.sendJson("type", "update-room", "id", "k", "room", kept, "owner", created.path("owner").asText(),
                "keep", true);
        owner.expect("room-updated");
        server.stop();
        server.clock().advance(TTL.plusDays(1));
        server.start();
        assertFalse(listed(plain), "expired at start, before anyone could list it");
        assertTrue(listed(kept));
    }

    @Test
    void emptySinceIsPersisted() {
        String room = server.createRoom("Half way");
        server.clock().advance(TTL.dividedBy(2));
        server.stop();
        server.start();
        server.clock().advance(TTL.dividedBy(2).plusHours(1));
        RecordingClient lobby = server.connect();
        lobby.sendJson("type", "list-rooms", "id", "l");
        if (lobby.expect("rooms").toString().contains(room)) {
            OwnerContractTest.awaitRoom(lobby, room, null);
        }
        assertEquals(false, listed(room), "the empty spell began before the restart");
    }

    private boolean listed(String room) {
        RecordingClient client = server.connect();
        client.sendJson("type", "list-rooms", "id", "l");
        boolean listed = client.expect("rooms").toString().contains(room);
        client.closeQuietly();
        return listed;
    }

    /**
     * That a room stays can only be shown by letting sweeps run (every 100 ms) and seeing it still
     * listed; a bounded quiet window, not a synchronisation.
     */
    private void awaitSweeps() {
        RecordingClient quiet = server.connect();
        quiet.expectNothingFor(SWEEPS);
        quiet.closeQuietly();
    }
}

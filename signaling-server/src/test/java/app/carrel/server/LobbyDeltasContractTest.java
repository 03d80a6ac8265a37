package app.carrel.server;

import static app.carrel.server.testing.Json.assertId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lobby-deltas extension (docs/protocol.md §12): {@code list-rooms} with {@code "deltas": true}
 * answers one full list, then room-added / room-changed / room-removed; v1 subscribers keep whole
 * lists and never see a delta type; an owner's rename and deletion reach both kinds.
 */
@ContractTest
class LobbyDeltasContractTest {
    private static final Set<String> DELTA_TYPES = Set.of("room-added", "room-changed", "room-removed");

    @RegisterExtension
    final ServerFixture server = new ServerFixture();

    private RecordingClient deltaSubscriber() {
        RecordingClient lobby = server.connect();
        lobby.sendJson("type", "list-rooms", "id", "sub", "deltas", true);
        assertId(lobby.expect("rooms"), "sub");
        return lobby;
    }

    @Test
    void anOptedInSubscriberGetsOneFullListThenADeltaForEachChange() {
        String existing = server.createRoom("Existing");
        RecordingClient lobby = server.connect();
        lobby.sendJson("type", "list-rooms", "id", "sub", "deltas", true);
        JsonNode first = lobby.expect("rooms");
        assertId(first, "sub");
        LobbyContractTest.only(first.path("rooms"), existing);

        String id = server.createRoom("Chemistry");
        JsonNode added = lobby.expect("room-added");
        assertFalse(added.has("id"), () -> "a push carries no id: " + added);
        assertRoom(added.path("room"), id, "Chemistry", 0);

        Member alice = server.join(id, "Alice");
        assertRoom(lobby.expect("room-changed").path("room"), id, "Chemistry", 1);
        alice.send("type", "leave", "id", "bye");
        alice.expect("left");
        assertRoom(lobby.expect("room-changed").path("room"), id, "Chemistry", 0);

        Member bob = server.join(existing, "Bob");
        assertRoom(lobby.expect("room-changed").path("room"), existing, "Existing", 1);
        bob.client().close();
        // A closed connection keeps its seat for the resume grace period: no change to show yet.
        server.createRoom("Marker");
        assertEquals("Marker", lobby.expect("room-added").path("room").path("name").asText());
    }

    @Test
    void aV1SubscriberStillGetsWholeListsAndNeverADeltaType() {
        RecordingClient v1 = server.connect();
        v1.sendJson("type", "list-rooms", "id", "v1");
        assertId(v1.expect("rooms"), "v1");
        RecordingClient deltas = deltaSubscriber();

        String id = server.createRoom("Physics");
        deltas.expect("room-added");
        Member alice = server.join(id, "Alice");
        deltas.expect("room-changed");
        alice.send("type", "leave", "id", "bye");
        alice.expect("left");
        assertEquals(0, deltas.expect("room-changed").path("room").path("participants").asInt(-1));

        // Every change reached v1 as a whole list (bursts may coalesce), ending at 0 participants.
        boolean sawOne = false;
        while (true) {
            JsonNode m = v1.next();
            assertEquals("rooms", m.path("type").asText(), () -> "a v1 subscriber got " + m);
            JsonNode room = LobbyContractTest.only(m.path("rooms"), id);
            sawOne |= room.path("participants").asInt() == 1;
            if (sawOne && room.path("participants").asInt() == 0) {
                break;
            }
        }
        // Asking again without the field keeps v1; with "deltas": false too.
        v1.sendJson("type", "list-rooms", "id", "again", "deltas", false);
        assertId(v1.expect("rooms"), "again");
        server.createRoom("After");
        assertEquals("rooms", v1.next().path("type").asText());
    }

    @Test
    void nothingReachesAConnectionThatDidNotSubscribe() {
        RecordingClient quiet = server.connect();
        Member[] pair = server.pair();
        // Inside a room, list-rooms answers but does not subscribe, deltas asked for or not.
        pair[0].send("type", "list-rooms", "id", "inside", "deltas", true);
        assertId(pair[0].expect("rooms"), "inside");
        RecordingClient deltas = deltaSubscriber();

        String id = server.createRoom("Geography");
        // The pair's own arrival may still be on its way to the lobby (pushes coalesce).
        deltas.nextMatching(m -> "room-added".equals(m.path("type").asText()) && id.equals(m.path("room").path("id").asText()),
                "room-added for Geography", RecordingClient.DEFAULT_WAIT);
        server.join(id, "Carol");
        deltas.expect("room-changed");

        pair[1].chatAndAwaitEcho("marker");
        assertEquals("marker", pair[0].expect("chat").path("text").asText(), "the chat comes, no lobby push before it");
        quiet.sendJson("type", "list-rooms", "id", "first");
        assertId(quiet.expect("rooms"), "first");
    }

    @Test
    void joiningEndsADeltaSubscriptionAndListingAgainStartsAFreshOne() {
        String id = server.createRoom("Biology");
        RecordingClient alice = deltaSubscriber();
        Member seated = server.join(alice, id, "Alice");
        server.createRoom("Made while Alice is seated");
        Member bob = server.join(id, "Bob");
        assertEquals(bob.id(), alice.expect("peer-joined").path("peer").path("id").asText(),
                "no room-added before Bob's arrival");

        seated.send("type", "leave", "id", "bye");
        seated.expect("left");
        alice.sendJson("type", "list-rooms", "id", "again", "deltas", true);
        JsonNode again = alice.expect("rooms");
        assertId(again, "again");
        assertEquals(2, again.path("rooms").size());
        String later = server.createRoom("Made after listing again");
        // Changes made just before Alice listed may still be on their way (pushes coalesce) and
        // follow her list, repeating what it showed. Deltas carry whole rooms, so a repeat is
        // harmless; anything else before the new room would be wrong.
        JsonNode next = alice.next();
        while (!"room-added".equals(next.path("type").asText()) || !later.equals(next.path("room").path("id").asText())) {
            assertTrue(DELTA_TYPES.contains(next.path("type").asText()), next::toString);
            JsonNode repeated = next.path("room");
            assertEquals(LobbyContractTest.only(again.path("rooms"), repeated.path("id").asText()), repeated,
                    "a delta after the list only repeats it");
            next = alice.next();
        }
    }

    /** The owner renames, then deletes (docs/protocol.md §10): room-changed, then room-removed. */
    @Test
    void anOwnersRenameAndDeletionArriveAsDeltas() {
        RecordingClient owner = server.connect();
        owner.sendJson("type", "create-room", "id", "c", "name", "Physics");
        JsonNode created = owner.expect("room-created");
        String id = created.path("room").path("id").asText();
        String token = created.path("owner").asText();
        RecordingClient deltas = deltaSubscriber();
        RecordingClient v1 = server.connect();
        v1.sendJson("type", "list-rooms", "id", "v1");
        LobbyContractTest.only(v1.expect("rooms").path("rooms"), id);

        owner.sendJson("type", "update-room", "id", "u", "room", id, "owner", token, "name", "Quantum physics");
        owner.expect("room-updated");
        assertRoom(deltas.expect("room-changed").path("room"), id, "Quantum physics", 0);
        assertEquals("Quantum physics", v1.expect("rooms").path("rooms").get(0).path("name").asText());

        owner.sendJson("type", "delete-room", "id", "d", "room", id, "owner", token);
        owner.expect("room-deleted");
        JsonNode removed = deltas.expect("room-removed");
        assertEquals(id, removed.path("room").asText(), removed::toString);
        assertEquals(0, v1.expect("rooms").path("rooms").size());
    }

    @Test
    void deltasMustBeABoolean() {
        RecordingClient client = server.connect();
        client.sendJson("type", "list-rooms", "id", "x", "deltas", "yes");
        JsonNode error = client.expect("error");
        assertEquals("bad-request", error.path("code").asText());
        server.createRoom("Not pushed");
        client.sendJson("type", "list-rooms", "id", "y");
        assertId(client.expect("rooms"), "y");
    }

    private static void assertRoom(JsonNode room, String id, String name, int participants) {
        assertEquals(id, room.path("id").asText(), room::toString);
        assertEquals(name, room.path("name").asText(), room::toString);
        assertEquals(participants, room.path("participants").asInt(-1), room::toString);
        assertTrue(room.path("capacity").isInt() && room.path("locked").isBoolean(), room::toString);
        assertFalse(DELTA_TYPES.contains(room.path("type").asText()), room::toString);
    }
}

package app.carrel.server;

import static app.carrel.server.testing.Json.assertId;
import static app.carrel.server.testing.Json.assertUuid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@ContractTest
class LobbyContractTest {

    @RegisterExtension
    final ServerFixture server = new ServerFixture();

    @Test
    void everyConnectionIsWelcomedWithTheProtocolVersionAndServerName() {
        RecordingClient client = server.connectWithoutWelcome();
        JsonNode welcome = client.expect("welcome");
        assertEquals(1, welcome.path("protocol").asInt(-1));
        assertTrue(welcome.path("protocol").isInt(), () -> "protocol is a JSON integer: " + welcome);
        assertTrue(welcome.path("server").isTextual() && !welcome.path("server").asText().isBlank(),
                () -> "server names itself: " + welcome);
    }

    @Test
    void listRoomsAnswersWithTheEchoedIdAndAnEmptyListOnAFreshDatabase() {
        RecordingClient client = server.connect();
        client.sendJson("type", "list-rooms", "id", "1");
        JsonNode rooms = client.expect("rooms");
        assertId(rooms, "1");
        assertTrue(rooms.path("rooms").isArray() && rooms.path("rooms").isEmpty(), rooms::toString);
    }

    @Test
    void createRoomAnswersWithTheRoomAndAnUnguessableId() {
        RecordingClient client = server.connect();
        client.sendJson("type", "create-room", "id", "2", "name", "Algorithms", "capacity", 4);
        JsonNode created = client.expect("room-created");
        assertId(created, "2");
        JsonNode room = created.path("room");
        assertUuid(room.path("id"), "room.id");
        assertEquals("Algorithms", room.path("name").asText());
        assertEquals(0, room.path("participants").asInt(-1));
        assertEquals(4, room.path("capacity").asInt());
        assertEquals(false, room.path("locked").asBoolean(true));
        assertTrue(room.path("locked").isBoolean() && room.path("participants").isInt() && room.path("capacity").isInt(),
                room::toString);
    }

    @Test
    void aRoomWithAPasswordIsLockedAndAnEmptyOrNullPasswordIsNot() {
        assertTrue(server.createRoom("Locked", 4, "secret").path("locked").asBoolean(false));
        assertFalse(server.createRoom("Empty password", 4, "").path("locked").asBoolean(true));
        RecordingClient client = server.connect();
        client.sendJson("type", "create-room", "id", "n", "name", "Null password", "password", null);
        assertFalse(client.expect("room-created").path("room").path("locked").asBoolean(true));
    }

    @Test
    void listRoomsShowsCreatedRoomsWithTheirCounts() {
        String id = server.createRoom("Physics", 3, "pw").path("id").asText();
        server.join(id, "Alice", "password", "pw");
        RecordingClient client = server.connect();
        client.sendJson("type", "list-rooms", "id", "l");
        JsonNode room = only(client.expect("rooms").path("rooms"), id);
        assertEquals("Physics", room.path("name").asText());
        assertEquals(1, room.path("participants").asInt());
        assertEquals(3, room.path("capacity").asInt());
        assertTrue(room.path("locked").asBoolean());
    }

    @Test
    void aSubscribedConnectionIsPushedNewRoomsAndCountsWithoutAnId() {
        RecordingClient lobby = server.connect();
        lobby.sendJson("type", "list-rooms", "id", "sub");
        lobby.expect("rooms");
        String id = server.createRoom("Chemistry");
        JsonNode pushed = awaitRoomCount(lobby, id, 0);
        assertFalse(pushed.has("id"), () -> "a push carries no id: " + pushed);

        Member alice = server.join(id, "Alice");
        awaitRoomCount(lobby, id, 1);
        alice.send("type", "leave", "id", "bye");
        alice.expect("left");
        awaitRoomCount(lobby, id, 0);
    }

    @Test
    void joiningEndsTheLobbySubscription() {
        String id = server.createRoom("Biology");
        RecordingClient alice = server.connect();
        alice.sendJson("type", "list-rooms", "id", "sub");
        alice.expect("rooms");
        server.join(alice, id, "Alice");

        server.createRoom("Another room");
        Member bob = server.join(id, "Bob");
        // Bob's arrival was sent after the new room: a push to Alice would have come first.
        assertEquals(bob.id(), alice.expect("peer-joined").path("peer").path("id").asText());
    }

    @Test
    void afterLeavingAConnectionMustListAgainToBeSubscribed() {
        String id = server.createRoom("History");
        RecordingClient alice = server.connect();
        alice.sendJson("type", "list-rooms", "id", "sub");
        alice.expect("rooms");
        server.join(alice, id, "Alice");
        alice.sendJson("type", "leave", "id", "bye");
        alice.expect("left");

        server.createRoom("Made while Alice is not subscribed");
        alice.sendJson("type", "list-rooms", "id", "again");
        assertId(alice.expect("rooms"), "again");

        String later = server.createRoom("Made after listing again");
        awaitRoomCount(alice, later, 0);
    }

    @Test
    void aConnectionThatNeverListedIsNeverPushed() {
        RecordingClient quiet = server.connect();
        server.createRoom("Geography");
        quiet.sendJson("type", "list-rooms", "id", "first");
        assertId(quiet.expect("rooms"), "first");
    }

    @Test
    void listingFromInsideARoomAnswersButDoesNotSubscribe() {
        Member[] pair = server.pair();
        pair[0].send("type", "list-rooms", "id", "inside");
        assertId(pair[0].expect("rooms"), "inside");
        server.createRoom("Made while Alice is in a room");
        pair[1].chatAndAwaitEcho("marker");
        assertEquals("marker", pair[0].expect("chat").path("text").asText(), "the chat comes, no rooms push before it");
    }

    static JsonNode awaitRoomCount(RecordingClient lobby, String roomId, int participants) {
        return lobby.nextMatching(m -> "rooms".equals(m.path("type").asText())
                        && StreamSupport.stream(m.path("rooms").spliterator(), false).anyMatch(r ->
                        roomId.equals(r.path("id").asText()) && r.path("participants").asInt(-1) == participants),
                "a rooms push with room " + roomId + " at " + participants + " participants", RecordingClient.DEFAULT_WAIT);
    }

    static JsonNode only(JsonNode rooms, String id) {
        return StreamSupport.stream(rooms.spliterator(), false).filter(r -> id.equals(r.path("id").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("room " + id + " not in " + rooms));
    }
}

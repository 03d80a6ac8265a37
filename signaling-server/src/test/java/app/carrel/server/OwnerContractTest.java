package app.carrel.server;

import static app.carrel.server.testing.Json.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** docs/protocol.md §10: the owner token, update-room and delete-room, and their refusals. */
@ContractTest
class OwnerContractTest {
    private static final Duration QUIET = Duration.ofMillis(300);

    @RegisterExtension
    final ServerFixture server = new ServerFixture();

    @Test
    void roomCreatedHandsTheCreatorAnOwnerTokenThatTheLobbyNeverShows() {
        JsonNode first = server.createOwnedRoom("Owned", 4);
        JsonNode second = server.createOwnedRoom("Owned too", 4);
        String token = first.path("owner").asText("");
        assertTrue(token.length() >= 40, () -> "an unguessable owner token: " + first);
        assertNotEquals(token, second.path("owner").asText());
        RecordingClient lobby = server.connect();
        lobby.sendJson("type", "list-rooms", "id", "l");
        String rooms = lobby.expect("rooms").toString();
        assertFalse(rooms.contains(token) || rooms.contains("owner"), rooms);
    }

    @Test
    void theOwnerRenamesFromTheLobbyAndTheLobbyAndTheRoomSeeIt() {
        JsonNode created = server.createOwnedRoom("Algebra", 4);
        String room = created.path("room").path("id").asText();
        Member modern = server.join(room, "Ann", "moderation", true);
        Member v1 = server.join(room, "Ben");
        modern.expect("peer-joined");
        RecordingClient lobby = server.connect();
        lobby.sendJson("type", "list-rooms", "id", "l");
        lobby.expect("rooms");

        RecordingClient owner = server.connect();
        owner.sendJson("type", "update-room", "id", "u", "room", room, "owner", created.path("owner").asText(),
                "name", "  Linear algebra ", "keep", true);
        JsonNode reply = owner.expect("room-updated");
        assertEquals("u", reply.path("id").asText());
        assertEquals("Linear algebra", reply.path("room").path("name").asText());
        assertTrue(reply.path("keep").asBoolean());
        assertEquals("owner", reply.path("by").asText(), "an owner outside the room acts as 'owner'");

        JsonNode told = modern.expect("room-updated");
        assertEquals("Linear algebra", told.path("room").path("name").asText());
        assertFalse(told.has("id") || told.has("keep"), () -> "the room's copy is not the owner's answer: " + told);
        awaitRoom(lobby, room, r -> r.path("name").asText().equals("Linear algebra"));
        v1.client().expectNothingFor(QUIET);
    }

    @Test
    void theOwnerChangesCapacityAndPassword() {
        JsonNode created = server.createOwnedRoom("Physics", 4);
        String room = created.path("room").path("id").asText();
        String token = created.path("owner").asText();
        RecordingClient owner = server.connect();
        owner.sendJson("type", "update-room", "id", "c", "room", room, "owner", token, "capacity", 3, "password", "pw");
        JsonNode reply = owner.expect("room-updated").path("room");
        assertEquals(3, reply.path("capacity").asInt());
        assertTrue(reply.path("locked").asBoolean());

        RecordingClient guest = server.connect();
        guest.sendJson("type", "join", "id", "j", "room", room, "name", "Guest");
        assertError(guest.next(), "wrong-password", "j");
        server.join(guest, room, "Guest", "password", "pw");

        owner.sendJson("type", "update-room", "id", "open", "room", room, "owner", token, "password", "");
        assertFalse(owner.expect("room-updated").path("room").path("locked").asBoolean(true));
        server.join(room, "Second guest");
    }

    @Test
    void everyRefusalHasItsCode() {
        JsonNode created = server.createOwnedRoom("Refusals", 4);
        String room = created.path("room").path("id").asText();
        String token = created.path("owner").asText();
        String otherToken = server.createOwnedRoom("Other", 4).path("owner").asText();
        server.join(room, "A");
        server.join(room, "B");
        RecordingClient c = server.connect();

        c.sendJson("type", "update-room", "id", "1", "room", UUID.randomUUID().toString(), "owner", token, "name", "X");
        assertError(c.next(), "room-not-found", "1");
        c.sendJson("type", "update-room", "id", "2", "room", room, "owner", otherToken, "name", "X");
        assertError(c.next(), "not-owner", "2");
        c.sendJson("type", "update-room", "id", "3", "room", room, "name", "X");
        assertError(c.next(), "bad-request", "3");
        c.sendJson("type", "update-room", "id", "4", "room", room, "owner", token, "name", " ");
        assertError(c.next(), "invalid-room-name", "4");
        c.sendJson("type", "update-room", "id", "5", "room", room, "owner", token, "capacity", 99);
        assertError(c.next(), "invalid-capacity", "5");
        c.sendJson("type", "update-room", "id", "6", "room", room, "owner", token, "capacity", 2);
        assertEquals(2, c.expect("room-updated").path("room").path("capacity").asInt(), "two seated fit two seats");
        c.sendJson("type", "update-room", "id", "7", "room", room, "owner", token, "capacity", 4);
        c.expect("room-updated");
        server.join(room, "C");
        c.sendJson("type", "update-room", "id", "8", "room", room, "owner", token, "capacity", 2);
        JsonNode below = c.next();
        assertError(below, "invalid-capacity", "8");
        assertTrue(below.path("message").asText().contains("3 people"), below::toString);
        c.sendJson("type", "delete-room", "id", "9", "room", room, "owner", "");
        assertError(c.next(), "not-owner", "9");
    }

    @Test
    void ownerOnlyActionsAreRefusedToTheOthersInTheRoom() {
        JsonNode created = server.createOwnedRoom("Owner only", 4);
        String room = created.path("room").path("id").asText();
        Member owner = server.join(room, "Owner");
        Member other = server.join(room, "Other");
        owner.expect("peer-joined");
        String guess = UUID.randomUUID().toString();
        other.send("type", "update-room", "id", "u", "room", room, "owner", guess, "name", "Mine now");
        assertError(other.next(), "not-owner", "u");
        other.send("type", "delete-room", "id", "d", "room", room, "owner", guess);
        assertError(other.next(), "not-owner", "d");
        other.send("type", "remove-participant", "id", "r", "room", room, "owner", guess, "peer", owner.id());
        assertError(other.next(), "not-owner", "r");
        other.send("type", "ask-mute", "id", "m", "room", room, "owner", guess, "peer", owner.id());
        assertError(other.next(), "not-owner", "m");
        owner.client().expectNothingFor(QUIET);
    }

    @Test
    void deletionTellsEveryoneReturnsThemToTheLobbyAndTakesChatAlong() {
        JsonNode created = server.createOwnedRoom("Doomed", 4);
        String room = created.path("room").path("id").asText();
        Member owner = server.join(room, "Olga", "moderation", true);
        Member modern = server.join(room, "Ann", "moderation", true);
        Member v1 = server.join(room, "Ben");
        owner.expect("peer-joined");
        owner.expect("peer-joined");
        modern.expect("peer-joined");
        owner.chatAndAwaitEcho("soon gone");
        RecordingClient lobby = server.connect();
        lobby.sendJson("type", "list-rooms", "id", "l");
        lobby.expect("rooms");

        owner.send("type", "delete-room", "id", "del", "room", room, "owner", created.path("owner").asText());
        JsonNode ownReply = owner.expect("room-deleted");
        assertEquals("del", ownReply.path("id").asText());
        assertEquals(owner.id(), ownReply.path("by").asText());

        JsonNode told = modern.client().nextOfType("room-deleted");
        assertEquals(room, told.path("room").asText());
        assertEquals("owner", told.path("reason").asText());
        assertEquals("Olga", told.path("byName").asText());
        assertFalse(told.has("id"));
        JsonNode error = v1.client().nextOfType("error");
        assertError(error, "room-deleted", null);
        assertTrue(error.path("message").asText().contains("Doomed"), error::toString);
        JsonNode left = v1.next();
        assertEquals("left", left.path("type").asText(), () -> "a v1 client gets the 'left' it knows: " + left);
        assertFalse(left.has("id"));

        awaitRoom(lobby, room, null);
        // Back in the lobby: not in a room any more, and the room is gone for good.
        v1.send("type", "chat", "id", "c", "text", "anyone?");
        assertError(v1.next(), "not-in-room", "c");
        modern.send("type", "join", "id", "j", "room", room, "name", "Ann");
        assertError(modern.next(), "room-not-found", "j");

        server.stop();
        server.start();
        RecordingClient after = server.connect();
        after.sendJson("type", "list-rooms", "id", "l");
        assertFalse(after.expect("rooms").toString().contains(room), "the deletion was persisted");
    }

    @Test
    void theOwnerTokenWorksAfterARestartAndKeepIsRemembered() {
        JsonNode created = server.createOwnedRoom("Lasting", 4);
        String room = created.path("room").path("id").asText();
        String token = created.path("owner").asText();
        RecordingClient owner = server.connect();
        owner.sendJson("type", "update-room", "id", "k", "room", room, "owner", token, "keep", true);
        owner.expect("room-updated");
        server.stop();
        server.start();
        RecordingClient again = server.connect();
        again.sendJson("type", "update-room", "id", "r", "room", room, "owner", token, "name", "Lasting still");
        JsonNode reply = again.expect("room-updated");
        assertTrue(reply.path("keep").asBoolean());
        assertEquals("Lasting still", reply.path("room").path("name").asText());
    }

    /** Waits for a lobby push in which the room matches (null: the room is gone). */
    static JsonNode awaitRoom(RecordingClient lobby, String room, Predicate<JsonNode> matches) {
        return lobby.nextMatching(m -> {
            if (!"rooms".equals(m.path("type").asText())) {
                return false;
            }
            for (JsonNode r : m.path("rooms")) {
                if (r.path("id").asText().equals(room)) {
                    return matches != null && matches.test(r);
                }
            }
            return matches == null;
        }, "a lobby push with room " + room + (matches == null ? " gone" : " changed"), RecordingClient.DEFAULT_WAIT);
    }
}

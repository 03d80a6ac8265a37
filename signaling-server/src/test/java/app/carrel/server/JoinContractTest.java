package app.carrel.server;

import static app.carrel.server.testing.Json.assertError;
import static app.carrel.server.testing.Json.assertId;
import static app.carrel.server.testing.Json.assertUuid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@ContractTest
class JoinContractTest {

    @RegisterExtension
    final ServerFixture server = new ServerFixture();

    @Test
    void joinedCarriesTheRoomSelfResumeTokenPeersIceServersChatAndTimer() {
        String room = server.createRoom("Algorithms", 4, null).path("id").asText();
        RecordingClient client = server.connect();
        client.sendJson("type", "join", "id", "3", "room", room, "name", "Alice");
        JsonNode joined = client.expect("joined");
        assertId(joined, "3");
        assertEquals(room, joined.path("room").path("id").asText());
        assertEquals("Algorithms", joined.path("room").path("name").asText());
        assertEquals(1, joined.path("room").path("participants").asInt(), "the joiner counts itself");
        assertEquals(4, joined.path("room").path("capacity").asInt());
        assertUuid(joined.path("self").path("id"), "self.id");
        assertEquals("Alice", joined.path("self").path("name").asText());
        assertTrue(joined.path("resume").isTextual() && !joined.path("resume").asText().isEmpty(), joined::toString);
        assertTrue(joined.path("peers").isArray() && joined.path("peers").isEmpty(), joined::toString);
        assertTrue(joined.path("iceServers").isArray(), joined::toString);
        assertTrue(joined.path("chat").isArray() && joined.path("chat").isEmpty(), joined::toString);
        assertTrue(joined.has("timer") && joined.path("timer").isNull(), () -> "timer is null until started: " + joined);
    }

    @Test
    void othersSeePeerJoinedAndTheJoinerSeesThemInPeers() {
        String room = server.createRoom("Physics");
        Member alice = server.join(room, "Alice");
        Member bob = server.join(room, "Bob", "audio", false);

        JsonNode peer = alice.expect("peer-joined").path("peer");
        assertEquals(bob.id(), peer.path("id").asText());
        assertEquals("Bob", peer.path("name").asText());
        assertMedia(peer, false, true, false);

        assertEquals(2, bob.joined().path("room").path("participants").asInt());
        JsonNode listed = bob.joined().path("peers");
        assertEquals(1, listed.size(), listed::toString);
        assertEquals(alice.id(), listed.get(0).path("id").asText());
        assertEquals("Alice", listed.get(0).path("name").asText());
        assertMedia(listed.get(0), true, true, false);
        assertNotEquals(alice.id(), bob.id());
    }

    @Test
    void initialMediaFlagsComeFromTheJoinWithDefaultsTrueTrueFalse() {
        String room = server.createRoom("Media");
        Member alice = server.join(room, "Alice");
        server.join(room, "Bob", "audio", false, "video", false, "screen", true);
        assertMedia(alice.expect("peer-joined").path("peer"), false, false, true);
        server.join(room, "Carol", "video", null);
        assertMedia(alice.expect("peer-joined").path("peer"), true, true, false);
    }

    @Test
    void aRoomThatDoesNotExistOrIsNoUuidIsRoomNotFound() {
        RecordingClient client = server.connect();
        for (String room : new String[] {UUID.randomUUID().toString(), "abc", "", "1", "' OR 1=1 --"}) {
            client.sendJson("type", "join", "id", "j", "room", room, "name", "Alice");
            assertError(client.next(), "room-not-found", "j");
        }
    }

    @Test
    void aFullRoomIsRoomFull() {
        String room = server.createRoom("Pair", 2, null).path("id").asText();
        server.join(room, "Alice");
        server.join(room, "Bob");
        RecordingClient carol = server.connect();
        carol.sendJson("type", "join", "id", "c", "room", room, "name", "Carol");
        assertError(carol.next(), "room-full", "c");
    }

    @Test
    void aLockedRoomNeedsItsPassword() {
        String room = server.createRoom("Locked", 4, "s3cret").path("id").asText();
        RecordingClient client = server.connect();
        client.sendJson("type", "join", "id", "none", "room", room, "name", "Alice");
        assertError(client.next(), "wrong-password", "none");
        client.sendJson("type", "join", "id", "wrong", "room", room, "name", "Alice", "password", "S3cret");
        assertError(client.next(), "wrong-password", "wrong");
        client.sendJson("type", "join", "id", "null", "room", room, "name", "Alice", "password", null);
        assertError(client.next(), "wrong-password", "null");
        client.sendJson("type", "join", "id", "right", "room", room, "name", "Alice", "password", "s3cret");
        assertTrue(client.expect("joined").path("room").path("locked").asBoolean());
    }

    @Test
    void joiningTwiceOnOneConnectionIsAlreadyJoined() {
        String first = server.createRoom("First");
        String second = server.createRoom("Second");
        Member alice = server.join(first, "Alice");
        alice.send("type", "join", "id", "again", "room", second, "name", "Alice");
        assertError(alice.next(), "already-joined", "again");
        alice.send("type", "join", "id", "same", "room", first, "name", "Alice");
        assertError(alice.next(), "already-joined", "same");
    }

    @Test
    void leaveAnswersLeftTellsTheOthersAndAllowsJoiningAgain() {
        String room = server.createRoom("Leaving");
        Member alice = server.join(room, "Alice");
        Member bob = server.join(room, "Bob");
        alice.expect("peer-joined");

        bob.send("type", "leave", "id", "4");
        assertId(bob.expect("left"), "4");
        JsonNode left = alice.expect("peer-left");
        assertEquals(bob.id(), left.path("peer").asText(), left::toString);

        Member again = server.join(bob.client(), room, "Bob");
        assertEquals(2, again.joined().path("room").path("participants").asInt(), "Bob's old seat is free");
        assertEquals(again.id(), alice.expect("peer-joined").path("peer").path("id").asText());
    }

    @Test
    void leavingOutsideARoomIsNotInRoom() {
        RecordingClient client = server.connect();
        client.sendJson("type", "leave", "id", "l");
        assertError(client.next(), "not-in-room", "l");
    }

    @Test
    void aLeaverFreesItsSeatAtOnce() {
        String room = server.createRoom("Two seats", 2, null).path("id").asText();
        server.join(room, "Alice");
        Member bob = server.join(room, "Bob");
        bob.send("type", "leave", "id", "bye");
        bob.expect("left");
        assertEquals(2, server.join(room, "Carol").joined().path("room").path("participants").asInt());
    }

    @Test
    void peerLeftAndPeerJoinedStayInsideTheRoom() {
        Member[] one = server.pair();
        Member[] two = server.pair();
        one[1].send("type", "leave", "id", "bye");
        one[1].expect("left");
        one[0].expect("peer-left");
        two[1].chatAndAwaitEcho("marker");
        assertEquals("marker", two[0].expect("chat").path("text").asText(), "no peer-left from another room");
    }

    static void assertMedia(JsonNode peer, boolean audio, boolean video, boolean screen) {
        assertTrue(peer.path("audio").isBoolean() && peer.path("video").isBoolean() && peer.path("screen").isBoolean(),
                () -> "all three flags as booleans: " + peer);
        assertEquals(audio, peer.path("audio").asBoolean(), () -> "audio of " + peer);
        assertEquals(video, peer.path("video").asBoolean(), () -> "video of " + peer);
        assertEquals(screen, peer.path("screen").asBoolean(), () -> "screen of " + peer);
    }
}

package app.carrel.server;

import static app.carrel.server.testing.Json.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.AdminEndpoint;
import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Json;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@ContractTest
class ResumeContractTest extends PairContract {

    static final Duration GRACE = Duration.ofSeconds(2);

    final AdminEndpoint admin = new AdminEndpoint(server);

    @Override
    ServerFixture configure(ServerFixture fixture) {
        return fixture.resumeGrace(GRACE).rate(1000, 2000).admin();
    }

    /**
     * Closes alice's connection and waits until the server has counted it closed: only then is
     * her seat in its grace. The client's own close can return before the server has even read
     * the close (a trace under load: bob's offer reached the server 28 ms before alice's close
     * did), and a relay that arrives first goes to the dead connection, not to the queue.
     */
    void aliceDrops() {
        double open = admin.sample("carrel_connections");
        alice.client().closeQuietly();
        admin.awaitSample("carrel_connections", null, open - 1);
    }

    Member resume(Member who, String token, Object... extra) {
        Object[] fields = new Object[extra.length + 2];
        fields[0] = "resume";
        fields[1] = token;
        System.arraycopy(extra, 0, fields, 2, extra.length);
        return server.join(who.room(), who.name(), fields);
    }

    /** Bob chats; Alice's (resumed) connection must see exactly that next, so nothing else came first. */
    void assertBobSawNothingAndAliceIsBack(Member resumedAlice) {
        resumedAlice.chatAndAwaitEcho("back");
        assertEquals("back", bob.expect("chat").path("text").asText(), "Bob saw neither peer-left nor peer-joined");
    }

    @Test
    void aCleanCloseStartsTheGraceAndResumeKeepsTheIdWithANewToken() {
        alice.client().closeQuietly();
        Member again = resume(alice, alice.resume());
        assertEquals(alice.id(), again.id());
        assertNotEquals(alice.resume(), again.resume(), "a resume hands out a new token");
        assertEquals(2, again.joined().path("room").path("participants").asInt());
        assertEquals(bob.id(), again.joined().path("peers").get(0).path("id").asText());
        assertBobSawNothingAndAliceIsBack(again);
    }

    @Test
    void aSeatInItsGracePeriodIsCountedAndHeld() {
        String room = server.createRoom("Two seats", 2, null).path("id").asText();
        Member carol = server.join(room, "Carol");
        server.join(room, "Dave");
        carol.client().closeQuietly();
        RecordingClient lobby = server.connect();
        lobby.sendJson("type", "list-rooms", "id", "l");
        JsonNode listed = LobbyContractTest.only(lobby.expect("rooms").path("rooms"), room);
        assertEquals(2, listed.path("participants").asInt(), "a seat in its grace period is still seated");
        lobby.sendJson("type", "join", "id", "full", "room", room, "name", "Eve");
        // Subscribed since list-rooms: a coalesced lobby push may come first.
        assertError(lobby.nextOfType("error"), "room-full", "full");
    }

    @Test
    void theOldTokenStopsWorkingOnceUsed() {
        alice.client().closeQuietly();
        Member second = resume(alice, alice.resume());
        second.client().closeQuietly();

        Member stranger = resume(alice, alice.resume());
        assertNotEquals(alice.id(), stranger.id(), "a used token is unknown: the join is a new participant");
        assertEquals(stranger.id(), bob.expect("peer-joined").path("peer").path("id").asText());

        Member third = resume(alice, second.resume());
        assertEquals(alice.id(), third.id(), "the newest token still works");
        assertBobSawNothingAndAliceIsBack(third);
    }

    @Test
    void resumingWhileTheOldConnectionIsOpenClosesItWith1000() {
        Member again = resume(alice, alice.resume());
        assertEquals(alice.id(), again.id());
        alice.client().awaitCloseCode(1000, RecordingClient.DEFAULT_WAIT);
        assertBobSawNothingAndAliceIsBack(again);
    }

    @Test
    void resumeNeedsNoPasswordAndKeepsTheStoredName() {
        String room = server.createRoom("Locked", 4, "pw").path("id").asText();
        Member carol = server.join(room, "Carol", "password", "pw");
        Member dave = server.join(room, "Dave", "password", "pw");
        carol.expect("peer-joined");
        carol.client().closeQuietly();
        Member again = server.join(room, "Mallory", "resume", carol.resume());
        assertEquals(carol.id(), again.id());
        assertEquals("Carol", again.name(), "a resumed participant keeps its stored name");
        again.chatAndAwaitEcho("back");
        JsonNode chat = dave.expect("chat");
        assertEquals("Carol", chat.path("name").asText());
    }

    @Test
    void anUnknownTokenIsIgnoredAndTheJoinProceedsAsANewParticipant() {
        Member carol = server.join(alice.room(), "Carol", "resume", "no-such-token");
        assertNotEquals(alice.id(), carol.id());
        assertEquals(carol.id(), bob.expect("peer-joined").path("peer").path("id").asText());
        Member dave = server.join(alice.room(), "Dave", "resume", null);
        assertEquals(dave.id(), bob.expect("peer-joined").path("peer").path("id").asText());
    }

    @Test
    void aTokenIsValidOnlyInTheRoomItWasIssuedIn() {
        String elsewhere = server.createRoom("Elsewhere");
        alice.client().closeQuietly();
        Member other = server.join(elsewhere, "Alice", "resume", alice.resume());
        assertNotEquals(alice.id(), other.id());
        assertEquals(1, other.joined().path("room").path("participants").asInt());
        assertEquals(alice.id(), bob.client().expect("peer-left", GRACE.plusSeconds(3)).path("peer").asText(),
                "the real seat still expires");
    }

    @Test
    void relayToAParticipantInItsGraceIsQueuedAndDeliveredAfterJoinedInOrder() {
        aliceDrops();
        bob.send("type", "offer", "id", "o", "to", alice.id(), "sdp", "queued offer");
        bob.send("type", "ice", "id", "i1", "to", alice.id(), "candidate", Json.map("candidate", "c1"));
        bob.send("type", "ice", "id", "i2", "to", alice.id(), "candidate", Json.map("candidate", "c2"));
        bob.send("type", "answer", "id", "a", "to", alice.id(), "sdp", "queued answer");
        bob.send("type", "chat", "id", "c", "text", "queued");
        assertEquals("chat", bob.next().path("type").asText(), "no error: a seat in its grace takes relay");

        RecordingClient fresh = server.connect();
        fresh.sendJson("type", "join", "id", "j", "room", alice.room(), "name", "Alice", "resume", alice.resume());
        fresh.expect("joined");
        assertEquals("queued offer", fresh.expect("offer").path("sdp").asText());
        assertEquals("c1", fresh.expect("ice").path("candidate").path("candidate").asText());
        assertEquals("c2", fresh.expect("ice").path("candidate").path("candidate").asText());
        JsonNode answer = fresh.expect("answer");
        assertEquals("queued answer", answer.path("sdp").asText());
        assertEquals(bob.id(), answer.path("from").asText());
    }

    @Test
    void theQueueKeepsTheFirst256AndDropsTheNewest() {
        aliceDrops();
        for (int i = 0; i < 300; i++) {
            bob.send("type", "ice", "to", alice.id(), "candidate", Json.map("candidate", "c" + i));
        }
        bob.send("type", "chat", "id", "c", "text", "all sent");
        assertEquals("chat", bob.next().path("type").asText(), "no error: a seat in its grace takes relay");
        RecordingClient fresh = server.connect();
        fresh.sendJson("type", "join", "id", "j", "room", alice.room(), "name", "Alice", "resume", alice.resume());
        fresh.expect("joined");
        for (int i = 0; i < 256; i++) {
            assertEquals("c" + i, fresh.expect("ice").path("candidate").path("candidate").asText());
        }
        bob.send("type", "chat", "text", "after");
        assertEquals("after", fresh.expect("chat").path("text").asText(), "candidates beyond 256 were dropped");
    }

    @Test
    void whenTheGraceEndsOthersSeePeerLeftAndTheQueueAndTokenAreGone() {
        aliceDrops();
        bob.send("type", "offer", "to", alice.id(), "sdp", "never delivered");
        JsonNode left = bob.client().expect("peer-left", GRACE.plusSeconds(3));
        assertEquals(alice.id(), left.path("peer").asText());

        Member late = resume(alice, alice.resume());
        assertNotEquals(alice.id(), late.id(), "an expired token is ignored");
        assertEquals(late.id(), bob.expect("peer-joined").path("peer").path("id").asText());
        bob.send("type", "chat", "text", "welcome");
        assertEquals("welcome", late.expect("chat").path("text").asText(), "the queued offer was dropped");
        assertTrue(late.joined().path("peers").size() == 1, late.joined()::toString);
    }
}

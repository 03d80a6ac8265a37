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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** docs/protocol.md §10: remove-participant and ask-mute. */
@ContractTest
class ModerationContractTest {
    private static final Duration QUIET = Duration.ofMillis(300);

    @RegisterExtension
    final ServerFixture server = new ServerFixture().resumeGrace(Duration.ofSeconds(10));

    private String room;
    private String token;
    private Member owner;

    /** A room with its owner seated in it (opted in), as the app does it. */
    private void ownedRoom(int capacity) {
        JsonNode created = server.createOwnedRoom("Moderated", capacity);
        room = created.path("room").path("id").asText();
        token = created.path("owner").asText();
        owner = server.join(room, "Olga", "moderation", true);
    }

    @Test
    void removalFreesTheSeatTellsThePersonWhoDidItAndTheOthersSeeALeave() {
        ownedRoom(3);
        Member ann = server.join(room, "Ann", "moderation", true);
        Member ben = server.join(room, "Ben", "moderation", true);
        owner.expect("peer-joined");
        owner.expect("peer-joined");
        ann.expect("peer-joined");

        owner.send("type", "remove-participant", "id", "rm", "room", room, "owner", token, "peer", ben.id(),
                "minutes", 5);
        JsonNode removed = ben.expect("removed");
        assertEquals(room, removed.path("room").asText());
        assertEquals(owner.id(), removed.path("by").asText());
        assertEquals("Olga", removed.path("byName").asText());
        long until = removed.path("until").asLong();
        long now = server.clock().millis();
        assertTrue(until > now + Duration.ofMinutes(4).toMillis() && until <= now + Duration.ofMinutes(5).toMillis(),
                () -> "blocked for the 5 minutes chosen: " + removed);
        JsonNode reply = owner.client().nextOfType("participant-removed");
        assertEquals("rm", reply.path("id").asText());
        assertEquals(ben.id(), reply.path("peer").asText());
        assertEquals(ben.id(), ann.expect("peer-left").path("peer").asText());

        // The seat is free: the room of 3 takes a third person again.
        server.join(room, "Cleo");
        ben.send("type", "chat", "id", "c", "text", "still here?");
        assertError(ben.next(), "not-in-room", "c");
    }

    @Test
    void aRemovedParticipantCannotResumeNorRejoinOnItsConnectionUntilTheBlockEnds() {
        ownedRoom(4);
        Member ben = server.join(room, "Ben", "moderation", true);
        owner.expect("peer-joined");
        owner.send("type", "remove-participant", "id", "rm", "room", room, "owner", token, "peer", ben.id(),
                "minutes", 10);
        ben.expect("removed");

        ben.send("type", "join", "id", "again", "room", room, "name", "Ben");
        assertError(ben.next(), "removed", "again");
        RecordingClient elsewhere = server.connect();
        elsewhere.sendJson("type", "join", "id", "resume", "room", room, "name", "Ben", "resume", ben.resume());
        JsonNode refused = elsewhere.next();
        assertError(refused, "removed", "resume");

        // Without accounts a new connection without the old token is a stranger (documented).
        server.join(room, "Ben again");

        server.clock().advance(Duration.ofMinutes(11));
        Member back = server.join(ben.client(), room, "Ben");
        assertNotEquals(ben.id(), back.id(), "the block ended, but the old seat is gone: a new participant");
    }

    @Test
    void aV1ClientThatIsRemovedGetsAnErrorItCanShowAndTheLeftItKnows() {
        ownedRoom(4);
        Member v1 = server.join(room, "Vic");
        owner.expect("peer-joined");
        owner.send("type", "remove-participant", "id", "rm", "room", room, "owner", token, "peer", v1.id());
        JsonNode error = v1.next();
        assertError(error, "removed", null);
        assertTrue(error.path("message").asText().contains("Olga"), error::toString);
        JsonNode left = v1.next();
        assertEquals("left", left.path("type").asText(), left::toString);
        assertEquals(10L, (owner.client().nextOfType("participant-removed").path("until").asLong()
                - server.clock().millis() + 30_000) / 60_000, "the default block is 10 minutes");
    }

    @Test
    void askMuteReachesAnOptedInClientWithWhoAskedAndTellsTheOwnerWhenItCannot() {
        ownedRoom(4);
        Member ann = server.join(room, "Ann", "moderation", true);
        Member v1 = server.join(room, "Vic");
        owner.expect("peer-joined");
        owner.expect("peer-joined");
        ann.expect("peer-joined");

        owner.send("type", "ask-mute", "id", "m1", "room", room, "owner", token, "peer", ann.id());
        JsonNode asked = ann.expect("mute-request");
        assertEquals(owner.id(), asked.path("by").asText());
        assertEquals("Olga", asked.path("byName").asText());
        JsonNode reply = owner.expect("mute-asked");
        assertEquals("m1", reply.path("id").asText());
        assertTrue(reply.path("delivered").asBoolean());

        owner.send("type", "ask-mute", "id", "m2", "room", room, "owner", token, "peer", v1.id());
        assertFalse(owner.expect("mute-asked").path("delivered").asBoolean(true));
        v1.client().expectNothingFor(QUIET);
    }

    @Test
    void moderationRefusalsHaveTheirCodes() {
        ownedRoom(4);
        Member ann = server.join(room, "Ann", "moderation", true);
        owner.expect("peer-joined");
        Member stranger = server.join(server.createRoom("Elsewhere"), "Stranger");

        owner.send("type", "remove-participant", "id", "1", "room", room, "owner", token, "peer", stranger.id());
        assertError(owner.next(), "peer-not-found", "1");
        owner.send("type", "ask-mute", "id", "2", "room", room, "owner", token, "peer", "not-a-uuid");
        assertError(owner.next(), "peer-not-found", "2");
        owner.send("type", "remove-participant", "id", "3", "room", room, "owner", token, "peer", ann.id(),
                "minutes", 100_000);
        assertError(owner.next(), "bad-request", "3");
        owner.send("type", "remove-participant", "id", "4", "room", room, "owner", token, "peer", owner.id());
        assertError(owner.next(), "bad-request", "4");
        owner.send("type", "remove-participant", "id", "5", "room", room, "owner", token);
        assertError(owner.next(), "bad-request", "5");
        ann.client().expectNothingFor(QUIET);
    }
}

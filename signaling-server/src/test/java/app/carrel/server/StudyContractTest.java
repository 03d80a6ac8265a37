package app.carrel.server;

import static app.carrel.server.testing.Json.assertError;
import static app.carrel.server.testing.Json.assertId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Study features (docs/protocol.md §13): goals, presence and check-ins go to the study members of
 * the sender's room only; v1 members, other rooms and the lobby see none of them.
 */
@ContractTest
class StudyContractTest {

    @RegisterExtension
    final ServerFixture server = new ServerFixture();

    String room;
    /** Ann and Ben joined with "study": true; Vic is a v1 client. */
    Member ann;
    Member ben;
    Member vic;

    @BeforeEach
    void seatTwoStudyMembersAndAV1One() {
        room = server.createRoom("Study " + System.nanoTime());
        ann = server.join(room, "Ann", "study", true, "goal", "  Chapter 4 exercises ");
        ben = server.join(room, "Ben", "study", true);
        ann.expect("peer-joined");
        vic = server.join(room, "Vic");
        ann.expect("peer-joined");
        ben.expect("peer-joined");
    }

    static JsonNode peer(JsonNode peers, String id) {
        for (JsonNode p : peers) {
            if (id.equals(p.path("id").asText())) {
                return p;
            }
        }
        throw new AssertionError("No peer " + id + " in " + peers);
    }

    /** Everything sent before reached {@code member} when its next message is this chat of Ann's. */
    void assertNextIsAnnsMarker(Member member, String text) {
        JsonNode next = member.next();
        assertEquals("chat", next.path("type").asText(), () -> member.name() + " got something else first: " + next);
        assertEquals(text, next.path("text").asText(), next::toString);
    }

    void marker(String text) {
        ann.chatAndAwaitEcho(text);
        assertNextIsAnnsMarker(ben, text);
        assertNextIsAnnsMarker(vic, text);
    }

    @Test
    void aJoinersGoalPresenceAndSeatTimeShowInJoinedAndPeerJoined() {
        long before = System.currentTimeMillis();
        JsonNode self = ann.joined().path("self");
        assertEquals("Chapter 4 exercises", self.path("goal").asText(), "stripped: " + self);
        assertEquals("focus", self.path("presence").asText(), self::toString);
        assertTrue(self.path("since").isIntegralNumber() && self.path("since").asLong() <= before, self::toString);
        assertFalse(self.has("checkIn"), self::toString);

        JsonNode annSeenByBen = peer(ben.joined().path("peers"), ann.id());
        assertEquals("Chapter 4 exercises", annSeenByBen.path("goal").asText());
        assertEquals("focus", annSeenByBen.path("presence").asText());
        assertEquals(self.path("since"), annSeenByBen.path("since"), "since is the seat's, the same for all");
        JsonNode benSeenByVic = peer(vic.joined().path("peers"), ben.id());
        assertFalse(benSeenByVic.has("goal"), () -> "no goal, no field: " + benSeenByVic);
        assertEquals("focus", benSeenByVic.path("presence").asText(), "v1 clients get the fields too (and ignore them)");

        Member cy = server.join(room, "Cy", "study", true, "goal", "Essay");
        JsonNode arrived = ann.expect("peer-joined").path("peer");
        assertEquals(cy.id(), arrived.path("id").asText());
        assertEquals("Essay", arrived.path("goal").asText(), arrived::toString);
        assertEquals("focus", arrived.path("presence").asText(), arrived::toString);
        assertTrue(arrived.path("since").asLong() >= before, arrived::toString);
    }

    @Test
    void aGoalOnAV1JoinIsNotRead() {
        Member old = server.join(room, "Old", "goal", "not read without study");
        assertFalse(old.joined().path("self").has("goal"), () -> old.joined().toString());
        assertFalse(ann.expect("peer-joined").path("peer").has("goal"));
    }

    @Test
    void setGoalReachesStudyMembersWithTheSendersIdOnlyOnItsOwnCopy() {
        ann.send("type", "set-goal", "id", "g1", "goal", " Read chapter 5 ");
        JsonNode own = ann.expect("goal");
        assertId(own, "g1");
        assertEquals(ann.id(), own.path("participant").asText());
        assertEquals("Read chapter 5", own.path("goal").asText());
        JsonNode other = ben.expect("goal");
        assertId(other, null);
        assertEquals(own.path("participant"), other.path("participant"));
        assertEquals(own.path("goal"), other.path("goal"));
        marker("after goal");

        ann.send("type", "set-goal", "id", "g2", "goal", "");
        JsonNode cleared = ann.expect("goal");
        assertTrue(cleared.has("goal") && cleared.path("goal").isNull(), () -> "a cleared goal is null: " + cleared);
        assertTrue(ben.expect("goal").path("goal").isNull());
        marker("after clearing");

        Member late = server.join(room, "Late", "study", true);
        assertFalse(peer(late.joined().path("peers"), ann.id()).has("goal"), "cleared for newcomers too");
    }

    @Test
    void setPresenceAndCheckInReachStudyMembers() {
        ben.send("type", "set-presence", "id", "p", "presence", "break");
        JsonNode own = ben.expect("presence");
        assertId(own, "p");
        assertEquals(ben.id(), own.path("participant").asText());
        assertEquals("break", own.path("presence").asText());
        assertEquals("break", ann.expect("presence").path("presence").asText());

        ben.send("type", "check-in", "id", "c", "result", "not-yet");
        JsonNode checked = ben.expect("checked-in");
        assertId(checked, "c");
        assertEquals("not-yet", checked.path("result").asText());
        JsonNode seen = ann.expect("checked-in");
        assertEquals(ben.id(), seen.path("participant").asText());
        assertEquals("not-yet", seen.path("result").asText());
        ben.chatAndAwaitEcho("after");
        JsonNode vicNext = vic.next();
        assertEquals("chat", vicNext.path("type").asText(), () -> "a v1 member gets no study message: " + vicNext);

        Member late = server.join(room, "Late", "study", true);
        JsonNode benNow = peer(late.joined().path("peers"), ben.id());
        assertEquals("break", benNow.path("presence").asText(), benNow::toString);
        assertEquals("not-yet", benNow.path("checkIn").asText(), benNow::toString);
    }

    @Test
    void aFocusStartEndsEveryCheckIn() {
        ann.send("type", "check-in", "result", "done");
        ann.expect("checked-in");
        ben.expect("checked-in");
        ben.send("type", "check-in", "result", "partly");
        ben.expect("checked-in");
        ann.expect("checked-in");

        vic.send("type", "timer", "id", "t", "action", "start", "phase", "break", "seconds", 300);
        vic.expect("timer");
        ann.expect("timer");
        ben.expect("timer");
        marker("a break ends no check-in");

        vic.send("type", "timer", "id", "f", "action", "start", "phase", "focus", "seconds", 1500);
        assertEquals("focus", vic.expect("timer").path("phase").asText());
        for (Member study : new Member[] {ann, ben}) {
            assertEquals("timer", study.next().path("type").asText(), "the timer comes first");
            JsonNode first = study.expect("checked-in");
            JsonNode second = study.expect("checked-in");
            assertTrue(first.path("result").isNull() && second.path("result").isNull(), first + " " + second);
            assertEquals(java.util.Set.of(ann.id(), ben.id()),
                    java.util.Set.of(first.path("participant").asText(), second.path("participant").asText()));
        }
        marker("check-ins cleared");
        Member late = server.join(room, "Late", "study", true);
        assertFalse(peer(late.joined().path("peers"), ann.id()).has("checkIn"));
        assertFalse(peer(late.joined().path("peers"), ben.id()).has("checkIn"));
    }

    @Test
    void malformedStudyRequestsAreBadRequests() {
        ann.send("type", "set-goal", "id", "1");
        assertError(ann.next(), "bad-request", "1");
        ann.send("type", "set-goal", "id", "2", "goal", 5);
        assertError(ann.next(), "bad-request", "2");
        ann.send("type", "set-goal", "id", "3", "goal", null);
        assertError(ann.next(), "bad-request", "3");
        ann.send("type", "set-presence", "id", "4", "presence", "asleep");
        assertError(ann.next(), "bad-request", "4");
        ann.send("type", "set-presence", "id", "5");
        assertError(ann.next(), "bad-request", "5");
        ann.send("type", "set-presence", "id", "6", "presence", true);
        assertError(ann.next(), "bad-request", "6");
        ann.send("type", "check-in", "id", "7", "result", "maybe");
        assertError(ann.next(), "bad-request", "7");
        ann.send("type", "check-in", "id", "8", "result", 1);
        assertError(ann.next(), "bad-request", "8");
        ann.send("type", "check-in", "id", "9");
        assertError(ann.next(), "bad-request", "9");
        marker("nothing of that reached anyone");
    }

    @Test
    void aGoalIsAtMost140CharactersOnOneLine() {
        String emoji = "\uD83D\uDE00";
        ann.send("type", "set-goal", "id", "max", "goal", emoji.repeat(140));
        assertEquals(emoji.repeat(140), ann.expect("goal").path("goal").asText());
        ben.expect("goal");
        ann.send("type", "set-goal", "id", "long", "goal", "x".repeat(141));
        assertError(ann.next(), "invalid-goal", "long");
        ann.send("type", "set-goal", "id", "lines", "goal", "two\nlines");
        assertError(ann.next(), "invalid-goal", "lines");
        marker("invalid goals reach nobody");
        Member late = server.join(room, "Late", "study", true);
        assertEquals(emoji.repeat(140), peer(late.joined().path("peers"), ann.id()).path("goal").asText(),
                "a refused goal changes nothing");

        RecordingClient tooLong = server.connect();
        tooLong.sendJson("type", "join", "id", "j", "room", room, "name", "Zed", "study", true, "goal", "y".repeat(141));
        assertError(tooLong.next(), "invalid-goal", "j");
        RecordingClient notBoolean = server.connect();
        notBoolean.sendJson("type", "join", "id", "s", "room", room, "name", "Zed", "study", "yes");
        assertError(notBoolean.next(), "bad-request", "s");
    }

    @Test
    void aV1MemberOrALobbyConnectionCannotUseStudyMessages() {
        vic.send("type", "set-goal", "id", "v", "goal", "sneaky");
        assertError(vic.next(), "bad-request", "v");
        vic.send("type", "check-in", "id", "w", "result", "done");
        assertError(vic.next(), "bad-request", "w");
        RecordingClient lobby = server.connect();
        lobby.sendJson("type", "set-presence", "id", "l", "presence", "away");
        assertError(lobby.next(), "not-in-room", "l");
        lobby.sendJson("type", "set-goal", "id", "bad", "goal", 7);
        assertError(lobby.next(), "bad-request", "bad");
        ann.chatAndAwaitEcho("nobody was told");
        assertNextIsAnnsMarker(ben, "nobody was told");
    }

    @Test
    void nothingReachesAnotherRoomOrTheLobby() {
        RecordingClient lobby = server.connect();
        lobby.sendJson("type", "list-rooms", "id", "sub", "deltas", true);
        lobby.expect("rooms");
        String elsewhere = server.createRoom("Elsewhere");
        assertEquals("room-added", lobby.next().path("type").asText());
        Member stranger = server.join(elsewhere, "Stranger", "study", true);
        assertEquals("room-changed", lobby.next().path("type").asText());

        ann.send("type", "set-goal", "goal", "Proofs");
        ann.send("type", "set-presence", "presence", "away");
        ann.send("type", "check-in", "result", "done");
        ann.expect("goal");
        ann.expect("presence");
        ann.expect("checked-in");
        ben.expect("goal");
        ben.expect("presence");
        ben.expect("checked-in");

        stranger.chatAndAwaitEcho("mine");
        String marker = server.createRoom("Marker");
        JsonNode next = lobby.next();
        assertEquals("room-added", next.path("type").asText(), () -> "the lobby heard nothing of it: " + next);
        assertEquals(marker, next.path("room").path("id").asText());
    }

    @Test
    void studyRequestsAreRateLimitedLikeChat() {
        // The connection's message bucket (§8) counts every request; the fixture's is the default 300.
        int limited = 0;
        for (int i = 0; i < 400; i++) {
            ann.send("type", "set-presence", "id", "r" + i, "presence", i % 2 == 0 ? "away" : "focus");
        }
        for (int i = 0; i < 400; i++) {
            JsonNode answer = ann.next();
            if ("error".equals(answer.path("type").asText())) {
                assertError(answer, "rate-limited", answer.path("id").asText());
                limited++;
            } else {
                assertEquals("presence", answer.path("type").asText(), answer::toString);
            }
        }
        assertTrue(limited > 0, "400 at once overflow a bucket of 300");
    }
}

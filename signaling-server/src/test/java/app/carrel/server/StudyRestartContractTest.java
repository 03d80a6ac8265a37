package app.carrel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Study state belongs to the room's session (docs/protocol.md §13): a restart brings it back to
 * those who resume; once the room empties past its grace period, nothing of it is left.
 */
@ContractTest
class StudyRestartContractTest {
    static final Duration GRACE = Duration.ofSeconds(1);

    @RegisterExtension
    final ServerFixture server = new ServerFixture().resumeGrace(GRACE);

    /** Counts the rows of the server's database that still hold study state (the server stopped). */
    int rowsWithStudyState() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + server.database());
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM participants"
                     + " WHERE goal IS NOT NULL OR presence IS NOT NULL OR check_in IS NOT NULL")) {
            return rs.getInt(1);
        }
    }

    @Test
    void aResumeAfterARestartBringsGoalPresenceSinceCheckInAndRoundBack() {
        String room = server.createRoom("Kept");
        Member ann = server.join(room, "Ann", "study", true, "goal", "Thesis chapter 2");
        Member ben = server.join(room, "Ben", "study", true);
        ann.expect("peer-joined");
        long since = ann.joined().path("self").path("since").asLong();
        ann.send("type", "set-presence", "presence", "break");
        ann.expect("presence");
        ann.send("type", "check-in", "result", "partly");
        ann.expect("checked-in");
        ben.send("type", "timer", "action", "start", "phase", "focus", "seconds", 1);
        ben.client().nextOfType("timer");
        assertEquals(1, ben.client().nextOfType("timer").path("round").asInt());
        // The check-in came before the focus phase started; this one is about the phase that ended.
        ann.send("type", "check-in", "result", "done");
        ann.client().nextMatching(m -> "checked-in".equals(m.path("type").asText()) && "done".equals(m.path("result").asText()),
                "the second check-in", RecordingClient.DEFAULT_WAIT);

        server.stop();
        server.start();

        Member again = server.join(room, "Ann", "study", true, "resume", ann.resume(), "goal", "ignored on a resume");
        assertEquals(ann.id(), again.id());
        JsonNode self = again.joined().path("self");
        assertEquals("Thesis chapter 2", self.path("goal").asText(), self::toString);
        assertEquals("break", self.path("presence").asText(), self::toString);
        assertEquals(since, self.path("since").asLong(), "since is the seat's, kept across the restart");
        assertEquals("done", self.path("checkIn").asText(), self::toString);
        assertEquals(1, again.joined().path("timer").path("round").asInt(), again.joined()::toString);

        Member benAgain = server.join(room, "Ben", "study", true, "resume", ben.resume());
        JsonNode annSeen = StudyContractTest.peer(benAgain.joined().path("peers"), ann.id());
        assertEquals("Thesis chapter 2", annSeen.path("goal").asText());
        assertEquals("done", annSeen.path("checkIn").asText());
    }

    @Test
    void whenTheRoomEmptiesItsSessionIsGone() throws Exception {
        String room = server.createRoom("Fleeting");
        Member ann = server.join(room, "Ann", "study", true, "goal", "Flashcards");
        Member ben = server.join(room, "Ben", "study", true, "goal", "Lab report");
        ann.expect("peer-joined");
        ben.send("type", "check-in", "result", "done");
        ben.expect("checked-in");
        ann.send("type", "timer", "action", "start", "phase", "focus", "seconds", 1);
        ann.client().nextOfType("timer");
        assertEquals(1, ann.client().nextOfType("timer").path("round").asInt());

        RecordingClient lobby = server.connect();
        lobby.sendJson("type", "list-rooms", "id", "l", "deltas", true);
        lobby.expect("rooms");
        ann.send("type", "leave", "id", "bye");
        ann.expect("left");
        ben.client().closeQuietly();
        // Ben's seat is kept for the grace period; the room empties when it ends.
        lobby.nextMatching(m -> "room-changed".equals(m.path("type").asText())
                        && m.path("room").path("participants").asInt() == 0, "the room emptied",
                GRACE.plusSeconds(5));

        Member cy = server.join(room, "Cy", "study", true);
        assertEquals(0, cy.joined().path("peers").size());
        assertEquals(0, cy.joined().path("timer").path("round").asInt(), () -> "a new session: " + cy.joined());
        assertFalse(cy.joined().path("self").has("goal"));
        RecordingClient stale = server.connect();
        stale.sendJson("type", "join", "id", "r", "room", room, "name", "Ben", "study", true, "resume", ben.resume());
        JsonNode rejoined = stale.expect("joined");
        assertTrue(!ben.id().equals(rejoined.path("self").path("id").asText()) && !rejoined.path("self").has("goal"),
                () -> "an expired seat comes back as a stranger, without its goal: " + rejoined);

        server.stop();
        assertEquals(0, rowsWithStudyState(), "Ann's and Ben's goals and Ben's check-in left with them");
    }
}

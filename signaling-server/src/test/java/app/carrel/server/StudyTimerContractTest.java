package app.carrel.server;

import static app.carrel.server.testing.Json.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The timer's study fields (docs/protocol.md §13): {@code byName}, {@code round}, a room's long
 * break, and that a v1 member is told a long break as a break.
 */
@ContractTest
class StudyTimerContractTest {

    @RegisterExtension
    final ServerFixture server = new ServerFixture();

    JsonNode create(Object... extra) {
        RecordingClient creator = server.connect();
        List<Object> fields = new ArrayList<>(List.of("type", "create-room", "id", "c", "name", "Pomodoro"));
        fields.addAll(Arrays.asList(extra));
        creator.sendJson(fields.toArray());
        return creator.next();
    }

    @Test
    void aRoomsLongBreakIsTwoToEightFocusPhasesOfOneToSixtyMinutes() {
        JsonNode room = create("longBreakEvery", 4).path("room");
        assertEquals(4, room.path("longBreakEvery").asInt(), room::toString);
        assertEquals(900, room.path("longBreakSeconds").asInt(), () -> "15 min unless said: " + room);
        JsonNode custom = create("longBreakEvery", 2, "longBreakSeconds", 60).path("room");
        assertEquals(60, custom.path("longBreakSeconds").asInt(), custom::toString);
        JsonNode none = create("longBreakEvery", 0).path("room");
        assertFalse(none.has("longBreakEvery") || none.has("longBreakSeconds"), none::toString);

        Object[][] wrong = {{"longBreakEvery", 1}, {"longBreakEvery", 9}, {"longBreakEvery", "4"},
                {"longBreakEvery", 4.5}, {"longBreakEvery", 4, "longBreakSeconds", 59},
                {"longBreakEvery", 4, "longBreakSeconds", 3601}, {"longBreakSeconds", 900}};
        for (Object[] fields : wrong) {
            assertError(create(fields), "bad-request", "c");
        }
    }

    @Test
    void theTimerSaysWhoActedByNameAndCountsFinishedFocusPhases() {
        String room = server.createRoom("Rounds");
        Member ann = server.join(room, "Ann", "study", true);
        Member vic = server.join(room, "Vic");
        ann.expect("peer-joined");

        ann.send("type", "timer", "id", "t", "action", "start", "phase", "focus", "seconds", 1);
        JsonNode started = ann.expect("timer");
        assertEquals("Ann", started.path("byName").asText(), started::toString);
        assertEquals(0, started.path("round").asInt(), started::toString);
        assertEquals("Ann", vic.expect("timer").path("byName").asText(), "v1 members get the new fields too");
        JsonNode ended = ann.expect("timer");
        assertFalse(ended.path("running").asBoolean(true), ended::toString);
        assertEquals(1, ended.path("round").asInt(), () -> "a focus phase ran to its end: " + ended);
        assertEquals(1, vic.expect("timer").path("round").asInt());

        vic.send("type", "timer", "action", "start", "phase", "break", "seconds", 1);
        JsonNode rest = ann.expect("timer");
        assertEquals("Vic", rest.path("byName").asText());
        assertEquals(1, rest.path("round").asInt(), "the round carries on into the break");
        assertEquals(1, ann.expect("timer").path("round").asInt(), "a break that ends is no round");
        vic.expect("timer");
        vic.expect("timer");
    }

    @Test
    void aLongBreakIsStartedLikeABreakAndAV1MemberIsToldItIsOne() {
        String room = create("longBreakEvery", 4).path("room").path("id").asText();
        Member ann = server.join(room, "Ann", "study", true);
        Member vic = server.join(room, "Vic");
        ann.expect("peer-joined");

        ann.send("type", "timer", "id", "l", "action", "start", "phase", "long-break", "seconds", 900);
        assertEquals("long-break", ann.expect("timer").path("phase").asText());
        JsonNode v1 = vic.expect("timer");
        assertEquals("break", v1.path("phase").asText(), () -> "v1 never sees a phase it does not know: " + v1);
        assertEquals(900, v1.path("seconds").asInt());

        vic.send("type", "timer", "id", "p", "action", "pause");
        assertEquals("break", vic.expect("timer").path("phase").asText(), "its own answer too");
        assertEquals("long-break", ann.expect("timer").path("phase").asText());

        Member late = server.join(room, "Late");
        assertEquals("break", late.joined().path("timer").path("phase").asText());
        Member lateStudy = server.join(room, "Later", "study", true);
        assertEquals("long-break", lateStudy.joined().path("timer").path("phase").asText());

        RecordingClient lobby = server.connect();
        lobby.sendJson("type", "list-rooms", "id", "l");
        JsonNode listed = LobbyContractTest.only(lobby.expect("rooms").path("rooms"), room);
        assertEquals("long-break", listed.path("timer").path("phase").asText(), "Room.timer is a new field: " + listed);
    }

    @Test
    void aRoomWithoutLongBreaksRefusesOne() {
        String room = server.createRoom("Plain");
        Member ann = server.join(room, "Ann", "study", true);
        ann.send("type", "timer", "id", "x", "action", "start", "phase", "long-break", "seconds", 900);
        assertError(ann.next(), "bad-request", "x");
        ann.send("type", "timer", "id", "y", "action", "start", "phase", "nap", "seconds", 900);
        assertError(ann.next(), "bad-request", "y");
    }
}

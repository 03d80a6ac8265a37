package app.carrel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lobby shows life (docs/protocol.md §13): each room's timer at a glance and the names of the
 * first five seated, and a timer change is a room change (a delta, or a v1 whole-list push).
 */
@ContractTest
class LobbyLifeContractTest {

    @RegisterExtension
    final ServerFixture server = new ServerFixture();

    static List<String> names(JsonNode room) {
        List<String> names = new ArrayList<>();
        room.path("names").forEach(n -> names.add(n.asText()));
        return names;
    }

    @Test
    void aRoomNamesTheFirstFiveSeatedInSeatOrder() {
        String room = server.createRoom("Busy");
        RecordingClient lobby = server.connect();
        lobby.sendJson("type", "list-rooms", "id", "l", "deltas", true);
        JsonNode empty = LobbyContractTest.only(lobby.expect("rooms").path("rooms"), room);
        assertTrue(empty.path("names").isArray() && empty.path("names").isEmpty(), empty::toString);
        assertFalse(empty.has("timer"), () -> "no timer, no field: " + empty);

        List<Member> members = new ArrayList<>();
        for (String name : new String[] {"Ann", "Ben", "Cy", "Di", "Ed", "Flo"}) {
            members.add(server.join(room, name));
        }
        JsonNode last = lobby.nextMatching(m -> "room-changed".equals(m.path("type").asText())
                && m.path("room").path("participants").asInt() == 6, "six seated", RecordingClient.DEFAULT_WAIT);
        assertEquals(List.of("Ann", "Ben", "Cy", "Di", "Ed"), names(last.path("room")));

        members.get(0).send("type", "leave", "id", "bye");
        members.get(0).client().nextOfType("left");
        JsonNode after = lobby.nextMatching(m -> m.path("room").path("participants").asInt() == 5, "five seated",
                RecordingClient.DEFAULT_WAIT);
        assertEquals(List.of("Ben", "Cy", "Di", "Ed", "Flo"), names(after.path("room")));
    }

    @Test
    void aLockedRoomNamesNobody() {
        String room = server.createRoom("Private", 4, "pw").path("id").asText();
        server.join(room, "Ann", "password", "pw");
        RecordingClient lobby = server.connect();
        lobby.sendJson("type", "list-rooms", "id", "l");
        JsonNode listed = LobbyContractTest.only(lobby.expect("rooms").path("rooms"), room);
        assertEquals(1, listed.path("participants").asInt());
        assertEquals(List.of(), names(listed), listed::toString);
    }

    @Test
    void aTimerChangeIsADeltaAndAV1Push() {
        String room = server.createRoom("Focus");
        Member ann = server.join(room, "Ann");
        RecordingClient deltas = server.connect();
        deltas.sendJson("type", "list-rooms", "id", "d", "deltas", true);
        deltas.expect("rooms");
        RecordingClient v1 = server.connect();
        v1.sendJson("type", "list-rooms", "id", "v");
        v1.expect("rooms");

        long before = System.currentTimeMillis();
        ann.send("type", "timer", "action", "start", "phase", "focus", "seconds", 1500);
        ann.expect("timer");
        JsonNode changed = deltas.expect("room-changed").path("room");
        assertEquals(room, changed.path("id").asText());
        JsonNode timer = changed.path("timer");
        assertEquals("focus", timer.path("phase").asText(), changed::toString);
        assertTrue(timer.path("running").asBoolean(), changed::toString);
        assertEquals(1500, timer.path("remaining").asInt(), changed::toString);
        assertTrue(timer.path("endsAt").asLong() >= before + 1_500_000 - 1000, changed::toString);
        assertEquals(List.of("Ann"), names(changed));
        JsonNode pushed = LobbyContractTest.only(v1.expect("rooms").path("rooms"), room);
        assertEquals(changed, pushed, "the v1 list carries the same room");

        ann.send("type", "timer", "action", "pause");
        ann.expect("timer");
        JsonNode paused = deltas.expect("room-changed").path("room").path("timer");
        assertFalse(paused.path("running").asBoolean(true), paused::toString);
        assertTrue(paused.path("endsAt").isNull(), paused::toString);
        assertTrue(paused.path("remaining").asInt() > 1490, paused::toString);
        assertEquals("rooms", v1.next().path("type").asText());
    }
}

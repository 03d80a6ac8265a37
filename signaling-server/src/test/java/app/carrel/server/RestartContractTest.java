package app.carrel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** close() says 1001 to everyone; a new server on the same file has the rooms, chat, timer and seats. */
@ContractTest
class RestartContractTest {

    @RegisterExtension
    final ServerFixture server = new ServerFixture().resumeGrace(Duration.ofSeconds(10));

    @Test
    void closingTheServerClosesEveryConnectionWith1001EveryTime() {
        // Repeated because a lost close is a race: about one connection in a hundred can show it.
        for (int round = 0; round < 30; round++) {
            if (round > 0) {
                server.start();
            }
            Member[] pair = server.pair();
            pair[0].send("type", "chat", "text", "in flight");
            List<RecordingClient> clients = new ArrayList<>(List.of(pair[0].client(), pair[1].client()));
            for (int i = 0; i < 4; i++) {
                clients.add(server.connect());
            }
            server.stop();
            int r = round;
            for (RecordingClient client : clients) {
                RecordingClient.Closed closed = client.awaitClose(Duration.ofSeconds(3));
                assertEquals(1001, closed.code(), () -> "round " + r + ": " + closed);
            }
            server.stop(); // idempotent
        }
    }

    @Test
    void roomsChatTimerAndResumeSurviveARestart() {
        JsonNode room = server.createRoom("Persistent", 3, "pw");
        String roomId = room.path("id").asText();
        Member alice = server.join(roomId, "Alice", "password", "pw");
        Member bob = server.join(roomId, "Bob", "password", "pw");
        alice.expect("peer-joined");
        for (int i = 0; i < 3; i++) {
            alice.send("type", "chat", "text", "before restart " + i);
            alice.expect("chat");
            bob.expect("chat");
        }
        bob.send("type", "timer", "id", "t", "action", "start", "phase", "focus", "seconds", 1500);
        JsonNode timer = bob.expect("timer");
        alice.expect("timer");
        String unlocked = server.createRoom("Second");

        server.stop();
        alice.client().awaitCloseCode(1001, RecordingClient.DEFAULT_WAIT);
        server.start();

        RecordingClient lobby = server.connect();
        lobby.sendJson("type", "list-rooms", "id", "l");
        JsonNode rooms = lobby.expect("rooms").path("rooms");
        JsonNode listed = LobbyContractTest.only(rooms, roomId);
        assertEquals("Persistent", listed.path("name").asText());
        assertEquals(3, listed.path("capacity").asInt());
        assertTrue(listed.path("locked").asBoolean());
        LobbyContractTest.only(rooms, unlocked);

        Member again = server.join(roomId, "Alice", "resume", alice.resume());
        assertEquals(alice.id(), again.id(), "the resume token and participant survive a restart");
        JsonNode chat = again.joined().path("chat");
        assertEquals(3, chat.size(), chat::toString);
        for (int i = 0; i < 3; i++) {
            assertEquals("before restart " + i, chat.get(i).path("text").asText());
            assertEquals(alice.id(), chat.get(i).path("from").asText());
        }
        JsonNode restored = again.joined().path("timer");
        assertEquals("focus", restored.path("phase").asText(), restored::toString);
        assertTrue(restored.path("running").asBoolean(), restored::toString);
        assertEquals(1500, restored.path("seconds").asInt());
        assertEquals(timer.path("endsAt").asLong(), restored.path("endsAt").asLong(), "the same deadline");

        again.send("type", "chat", "id", "after", "text", "after restart");
        assertTrue(again.expect("chat").path("seq").asLong() > chat.get(2).path("seq").asLong(), "seq keeps rising");

        RecordingClient carol = server.connect();
        carol.sendJson("type", "join", "id", "pw", "room", roomId, "name", "Carol");
        assertEquals("wrong-password", carol.next().path("code").asText(), "the password survives too");
    }
}

package app.carrel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.access.AccessLimits;
import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A server with a join code (--join-code-file): nothing but welcome and errors until the code. */
@ContractTest
class JoinCodeContractTest {
    static final String CODE = "maple river 42";

    @RegisterExtension
    final ServerFixture server = new ServerFixture().joinCode(CODE)
            .limits(new AccessLimits(100, 100, 100, 3));

    @Test
    void theWelcomeSaysACodeIsNeeded() {
        RecordingClient client = server.connectWithoutWelcome();
        JsonNode welcome = client.expect("welcome");
        assertEquals(1, welcome.path("protocol").asInt());
        assertTrue(welcome.path("joinCode").asBoolean(), welcome::toString);
    }

    @Test
    void everyRequestBeforeTheCodeIsRefusedWithAMessageSayingWhy() {
        RecordingClient v1 = server.connect();
        String room = "6f1c0000-0000-4000-8000-000000000000";
        Object[][] requests = {
            {"type", "list-rooms", "id", "1"},
            {"type", "create-room", "id", "2", "name", "Algorithms"},
            {"type", "join", "id", "3", "room", room, "name", "Ada"},
            {"type", "chat", "id", "4", "text", "hi"},
            {"type", "offer", "id", "5", "to", room, "sdp", "v=0"},
        };
        for (Object[] request : requests) {
            v1.sendJson(request);
            JsonNode error = v1.expect("error");
            assertEquals("join-code-required", error.path("code").asText(), error::toString);
            assertEquals(request[3], error.path("id").asText());
            assertTrue(error.path("message").asText().contains("join code"), error::toString);
        }
    }

    @Test
    void aWrongCodeIsRefusedAndTheRightOneOpensTheServer() {
        RecordingClient client = server.connect();
        client.sendJson("type", "join-code", "id", "a", "code", "maple river 41");
        JsonNode wrong = client.expect("error");
        assertEquals("wrong-join-code", wrong.path("code").asText());
        assertEquals("a", wrong.path("id").asText());
        client.sendJson("type", "list-rooms", "id", "still-closed");
        assertEquals("join-code-required", client.expect("error").path("code").asText());

        client.sendJson("type", "join-code", "id", "b", "code", CODE);
        assertEquals("b", client.expect("join-code-accepted").path("id").asText());
        client.sendJson("type", "create-room", "id", "c", "name", "Inside");
        String room = client.expect("room-created").path("room").path("id").asText();
        client.sendJson("type", "join", "id", "d", "room", room, "name", "Ada");
        assertEquals(room, client.expect("joined").path("room").path("id").asText());
    }

    @Test
    void aCodeIsNeededOnEveryConnection() {
        RecordingClient first = server.connect();
        first.sendJson("type", "join-code", "id", "a", "code", CODE);
        first.expect("join-code-accepted");
        RecordingClient second = server.connect();
        second.sendJson("type", "list-rooms", "id", "b");
        assertEquals("join-code-required", second.expect("error").path("code").asText());
    }

    @Test
    void tooManyWrongCodesFromOneAddressBlockEvenTheRightOneButNotAnotherAddress() {
        RecordingClient guesser = server.connect();
        for (int i = 0; i < 3; i++) {
            guesser.sendJson("type", "join-code", "id", "g" + i, "code", "guess " + i);
            assertEquals("wrong-join-code", guesser.expect("error").path("code").asText());
        }
        guesser.sendJson("type", "join-code", "id", "right", "code", CODE);
        JsonNode blocked = guesser.expect("error");
        assertEquals("too-many-join-code-attempts", blocked.path("code").asText());
        assertEquals("right", blocked.path("id").asText());
        RecordingClient sameNetwork = server.connect();
        sameNetwork.sendJson("type", "join-code", "id", "x", "code", CODE);
        assertEquals("too-many-join-code-attempts", sameNetwork.expect("error").path("code").asText());

        RecordingClient elsewhere = server.connectFrom("127.0.0.2");
        elsewhere.sendJson("type", "join-code", "id", "y", "code", CODE);
        elsewhere.expect("join-code-accepted");
    }

    @Test
    void aServerWithoutACodeGreetsAsInV1AndAcceptsACodeAnyway() {
        server.stop();
        server.joinCode(null).start();
        RecordingClient client = server.connectWithoutWelcome();
        JsonNode welcome = client.expect("welcome");
        assertEquals(3, welcome.size(), "exactly type, protocol and server: " + welcome);
        client.sendJson("type", "join-code", "id", "1", "code", "anything");
        client.expect("join-code-accepted");
        client.sendJson("type", "list-rooms", "id", "2");
        client.expect("rooms");
    }
}

package app.carrel.server;

import static app.carrel.server.testing.Json.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Display names: 1–40 code points after String.strip(), no Cc inside, stripped form stored and sent. */
@ContractTest
class DisplayNameContractTest {

    static final String EMOJI = "\uD83D\uDE00";

    @RegisterExtension
    final ServerFixture server = new ServerFixture();

    String room;

    @BeforeEach
    void createRoom() {
        room = server.createRoom("Names");
    }

    @Test
    void theStrippedNameIsWhatTheJoinerAndTheOthersSee() {
        Member alice = server.join(room, "Alice");
        Member bob = server.join(room, " \t Bob \n");
        assertEquals("Bob", bob.name());
        assertEquals("Bob", alice.expect("peer-joined").path("peer").path("name").asText());
        Member carol = server.join(room, "Carol");
        JsonNode listedBob = StreamSupport.stream(carol.joined().path("peers").spliterator(), false)
                .filter(p -> bob.id().equals(p.path("id").asText())).findFirst().orElseThrow();
        assertEquals("Bob", listedBob.path("name").asText());
    }

    @Test
    void nameLimitsCountCodePoints() {
        assertEquals("a".repeat(40), server.join(room, "a".repeat(40)).name());
        assertEquals(EMOJI.repeat(40), server.join(room, EMOJI.repeat(40)).name());
        assertEquals("Zoë 李", server.join(room, "  Zoë 李  ").name());
        assertInvalid("a".repeat(41));
        assertInvalid(EMOJI.repeat(41));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", "Al\u0000ice", "Al\u001Bice", "Al\tice", "Al\u007Fice", "Al\u0080ice",
            "Al\u009Fice"})
    void emptyOrControlCharacterNamesAreInvalidName(String name) {
        assertInvalid(name);
    }

    @Test
    void nameAndRoomMustBePresentStrings() {
        RecordingClient client = server.connect();
        client.sendJson("type", "join", "id", "a", "room", room, "name", 42);
        assertError(client.next(), "bad-request", "a");
        client.sendJson("type", "join", "id", "b", "room", room);
        assertError(client.next(), "bad-request", "b");
        client.sendJson("type", "join", "id", "c", "name", "Alice");
        assertError(client.next(), "bad-request", "c");
        client.sendJson("type", "join", "id", "d", "room", 7, "name", "Alice");
        assertError(client.next(), "bad-request", "d");
        client.sendJson("type", "join", "id", "e", "room", room, "name", "Alice", "audio", 1);
        assertError(client.next(), "bad-request", "e");
        client.sendJson("type", "join", "id", "f", "room", room, "name", "Alice", "video", "true");
        assertError(client.next(), "bad-request", "f");
        client.sendJson("type", "join", "id", "g", "room", room, "name", "Alice", "resume", 12);
        assertError(client.next(), "bad-request", "g");
    }

    void assertInvalid(String name) {
        RecordingClient client = server.connect();
        client.sendJson("type", "join", "id", "n", "room", room, "name", name);
        assertError(client.next(), "invalid-name", "n");
        client.closeQuietly();
    }
}

package app.carrel.server;

import static app.carrel.server.testing.Json.assertError;
import static app.carrel.server.testing.Json.assertId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed input, request ids, forward compatibility and the order in which checks apply. */
@ContractTest
class ErrorOrderContractTest {

    static final String EMOJI = "\uD83D\uDE00";

    @RegisterExtension
    final ServerFixture server = new ServerFixture();

    RecordingClient client;

    @BeforeEach
    void connect() {
        client = server.connect();
    }

    /** After any error the connection must still answer. */
    void assertStillOpen() {
        client.sendJson("type", "list-rooms", "id", "still-open");
        assertId(client.expect("rooms"), "still-open");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "{", "}", "[]", "[{\"type\":\"list-rooms\"}]", "null", "42", "\"list-rooms\"",
            "{\"type\":\"list-rooms\",}", "{'type':'list-rooms'}", "", " ", "{\"type\":\"list-rooms\"}{\"type\":\"list-rooms\"}"})
    void malformedJsonIsBadRequestWithoutAnIdAndTheConnectionStaysOpen(String frame) {
        client.send(frame);
        assertError(client.next(), "bad-request", null);
        assertStillOpen();
    }

    @Test
    void trailingDataAfterTheObjectIsBadRequest() {
        client.send("{\"type\":\"list-rooms\",\"id\":\"t\"} trailing");
        JsonNode error = client.next();
        assertEquals("bad-request", error.path("code").asText(), error::toString);
        client.send("{\"type\":\"list-rooms\",\"id\":\"t2\"} {}");
        assertEquals("bad-request", client.next().path("code").asText());
        assertStillOpen();
    }

    @Test
    void aMissingOrNonStringTypeIsBadRequestEchoingAValidId() {
        client.sendJson("id", "no-type");
        assertError(client.next(), "bad-request", "no-type");
        client.sendJson("type", 5, "id", "num-type");
        assertError(client.next(), "bad-request", "num-type");
        client.sendJson("type", null, "id", "null-type");
        assertError(client.next(), "bad-request", "null-type");
        assertStillOpen();
    }

    @Test
    void anUnknownTypeIsBadRequestAndTheConnectionStaysOpen() {
        client.sendJson("type", "dance", "id", "9");
        assertError(client.next(), "bad-request", "9");
        client.sendJson("type", "welcome", "id", "10", "protocol", 1, "server", "me");
        assertError(client.next(), "bad-request", "10");
        client.sendJson("type", "LIST-ROOMS", "id", "11");
        assertError(client.next(), "bad-request", "11");
        assertStillOpen();
    }

    @Test
    void unknownFieldsAreIgnored() {
        client.sendJson("type", "list-rooms", "id", "1", "extra", "x", "nested", java.util.Map.of("deep", java.util.List.of(1, 2)));
        assertId(client.expect("rooms"), "1");
        client.sendJson("type", "create-room", "id", "2", "name", "Future", "color", "blue", "capacity", 3);
        assertEquals("Future", client.expect("room-created").path("room").path("name").asText());
    }

    @Test
    void anIdIsAStringOfAtMost64CodePointsElseBadRequestWithoutEcho() {
        client.sendJson("type", "list-rooms", "id", "a".repeat(64));
        assertId(client.expect("rooms"), "a".repeat(64));
        client.sendJson("type", "list-rooms", "id", EMOJI.repeat(64));
        assertId(client.expect("rooms"), EMOJI.repeat(64));
        client.sendJson("type", "list-rooms", "id", "");
        assertId(client.expect("rooms"), "");
        client.sendJson("type", "list-rooms", "id", null);
        assertId(client.expect("rooms"), null);

        for (Object bad : new Object[] {"a".repeat(65), EMOJI.repeat(65), 5, 5.5, true, java.util.List.of("x"),
                java.util.Map.of("x", "y")}) {
            client.sendJson("type", "list-rooms", "id", bad);
            assertError(client.next(), "bad-request", null);
        }
        client.sendJson("type", "dance", "id", 7);
        assertError(client.next(), "bad-request", null);
        assertStillOpen();
    }

    @Test
    void aMalformedMessageIsBadRequestBeforeNotInRoom() {
        client.sendJson("type", "chat", "id", "1");
        assertError(client.next(), "bad-request", "1");
        client.sendJson("type", "chat", "id", "2", "text", 3);
        assertError(client.next(), "bad-request", "2");
        client.sendJson("type", "offer", "id", "3", "to", UUID.randomUUID().toString());
        assertError(client.next(), "bad-request", "3");
        client.sendJson("type", "ice", "id", "4", "to", UUID.randomUUID().toString(), "candidate", "x");
        assertError(client.next(), "bad-request", "4");
        client.sendJson("type", "timer", "id", "5", "action", "start", "seconds", 60);
        assertError(client.next(), "bad-request", "5");
        client.sendJson("type", "timer", "id", "6", "action", "explode");
        assertError(client.next(), "bad-request", "6");
        client.sendJson("type", "media-state", "id", "7", "audio", "yes");
        assertError(client.next(), "bad-request", "7");
    }

    @Test
    void notInRoomComesBeforeTheSpecificCodes() {
        client.sendJson("type", "chat", "id", "1", "text", "");
        assertError(client.next(), "not-in-room", "1");
        client.sendJson("type", "chat", "id", "2", "text", "x".repeat(2001));
        assertError(client.next(), "not-in-room", "2");
        client.sendJson("type", "offer", "id", "3", "to", "not-a-uuid", "sdp", "v=0");
        assertError(client.next(), "not-in-room", "3");
        client.sendJson("type", "answer", "id", "4", "to", UUID.randomUUID().toString(), "sdp", "v=0");
        assertError(client.next(), "not-in-room", "4");
        client.sendJson("type", "timer", "id", "5", "action", "pause");
        assertError(client.next(), "not-in-room", "5");
        client.sendJson("type", "leave", "id", "6");
        assertError(client.next(), "not-in-room", "6");
    }

    @Test
    void aMalformedJoinIsBadRequestBeforeRoomNotFoundOrAlreadyJoined() {
        client.sendJson("type", "join", "id", "1", "room", "nope");
        assertError(client.next(), "bad-request", "1");
        Member alice = server.join(server.createRoom("Order"), "Alice");
        alice.send("type", "join", "id", "2", "room", alice.room());
        assertError(alice.next(), "bad-request", "2");
        alice.send("type", "join", "id", "3", "room", alice.room(), "name", "Alice", "audio", "on");
        assertError(alice.next(), "bad-request", "3");
    }

    @Test
    void nullInAnOptionalFieldMeansAbsent() {
        client.sendJson("type", "create-room", "id", "1", "name", "Nulls", "capacity", null, "password", null);
        JsonNode room = client.expect("room-created").path("room");
        assertEquals(8, room.path("capacity").asInt());
        assertEquals(false, room.path("locked").asBoolean(true));
        client.sendJson("type", "join", "id", "2", "room", room.path("id").asText(), "name", "N", "password", null,
                "resume", null, "audio", null, "video", null, "screen", null);
        JsonNode joined = client.expect("joined");
        assertId(joined, "2");
    }
}

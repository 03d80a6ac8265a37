package app.carrel.server;

import static app.carrel.server.testing.Json.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Json;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Room names (code points, strip, control characters) and capacity bounds, with the default max of 8. */
@ContractTest
class CreateRoomContractTest {

    static final String EMOJI = "\uD83D\uDE00"; // one code point, two UTF-16 units

    @RegisterExtension
    final ServerFixture server = new ServerFixture();

    RecordingClient client;

    JsonNode create(Object... fields) {
        if (client == null) {
            client = server.connect();
        }
        Map<String, Object> map = Json.map("type", "create-room", "id", "c");
        map.putAll(Json.map(fields));
        client.send(Json.write(map));
        return client.next();
    }

    void assertCreated(JsonNode reply, String name, int capacity) {
        assertEquals("room-created", reply.path("type").asText(), reply::toString);
        assertEquals(name, reply.path("room").path("name").asText());
        assertEquals(capacity, reply.path("room").path("capacity").asInt());
    }

    @Test
    void roomNamesAreStrippedOfSurroundingWhiteSpaceBeforeTheyAreStoredAndSent() {
        assertCreated(create("name", "  Algorithms \t\n"), "Algorithms", 8);
        // U+001C is white space to String.strip(), so stripping comes before the control check.
        assertCreated(create("name", "\u001CAlgebra"), "Algebra", 8);
        client.sendJson("type", "list-rooms", "id", "l");
        assertEquals(2, client.expect("rooms").path("rooms").size());
    }

    @Test
    void roomNameLimitsCountCodePoints() {
        assertCreated(create("name", "a".repeat(60)), "a".repeat(60), 8);
        assertCreated(create("name", EMOJI.repeat(60)), EMOJI.repeat(60), 8);
        assertCreated(create("name", " " + "b".repeat(60) + " "), "b".repeat(60), 8);
        assertCreated(create("name", "Ünïcödé 数学"), "Ünïcödé 数学", 8);
        assertError(create("name", "a".repeat(61)), "invalid-room-name", "c");
        assertError(create("name", EMOJI.repeat(61)), "invalid-room-name", "c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n", "Alg\u0000o", "Alg\u0007o", "Al\tgo", "Al\u007Fgo", "Al\u0085go",
            "Al\u009Fgo", "Al\ngo"})
    void emptyOrControlCharacterRoomNamesAreInvalid(String name) {
        assertError(create("name", name), "invalid-room-name", "c");
    }

    @Test
    void aMissingOrNullCapacityMeansTheServersMaxCapacityOfEight() {
        assertCreated(create("name", "Default"), "Default", 8);
        assertCreated(create("name", "Null", "capacity", null), "Null", 8);
    }

    @Test
    void capacityRunsFromTwoToMaxCapacity() {
        assertCreated(create("name", "Two", "capacity", 2), "Two", 2);
        assertCreated(create("name", "Eight", "capacity", 8), "Eight", 8);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 0, -1, 9, 100})
    void capacityOutOfRangeIsInvalidCapacity(int capacity) {
        assertError(create("name", "Room", "capacity", capacity), "invalid-capacity", "c");
    }

    @Test
    void integersBeyondIntOrLongAreStillInvalidCapacityNotBadRequest() {
        assertError(create("name", "Room", "capacity", new java.math.BigInteger("2147483648")), "invalid-capacity", "c");
        assertError(create("name", "Room", "capacity", new java.math.BigInteger("-99999999999999999999999")),
                "invalid-capacity", "c");
    }

    @Test
    void capacityMustBeAJsonInteger() {
        assertError(create("name", "Room", "capacity", "4"), "bad-request", "c");
        assertError(create("name", "Room", "capacity", 4.0), "bad-request", "c");
        assertError(create("name", "Room", "capacity", 2.5), "bad-request", "c");
        assertError(create("name", "Room", "capacity", true), "bad-request", "c");
    }

    @Test
    void nameAndPasswordMustBeStrings() {
        assertError(create("name", 5), "bad-request", "c");
        assertError(create("name", true), "bad-request", "c");
        assertError(create("name", "Room", "password", 1234), "bad-request", "c");
        assertError(create(), "bad-request", "c");
        assertError(create("name", null), "bad-request", "c");
    }
}

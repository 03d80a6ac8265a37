package app.carrel.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Raw JSON for the wire: tests build and read plain JSON so the server is checked against the
 * contract's shapes, not against our own codec.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Numbers as written (1.50 is not 1.5), for checks that something arrived exactly as sent. */
    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private Json() {
    }

    /**
     * {@code object("type", "chat", "text", "hi")} → {@code {"type":"chat","text":"hi"}}. Values may
     * be strings, numbers, booleans, {@code null} (written as JSON null), maps, lists or JsonNodes.
     */
    public static String object(Object... keyValues) {
        return write(map(keyValues));
    }

    public static Map<String, Object> map(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("key/value pairs expected");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Server sent text that is not JSON: " + text, e);
        }
    }

    /** Parses with every number kept as written, so tree equality means "the same JSON". */
    public static JsonNode parseExact(String text) {
        try {
            return EXACT.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    /** An {@code error} with {@code code}, echoing {@code id} ({@code null}: must carry no id). */
    public static void assertError(JsonNode message, String code, String id) {
        assertEquals("error", message.path("type").asText(null), () -> "Expected an error but got " + message);
        assertEquals(code, message.path("code").asText(null), () -> "Error code of " + message);
        assertId(message, id);
        assertTrue(message.path("message").isTextual() && !message.path("message").asText().isBlank(),
                () -> "An error's message is for people and must be a non-empty string: " + message);
    }

    /** {@code id} echoed exactly, or absent when {@code id} is null. */
    public static void assertId(JsonNode message, String id) {
        if (id == null) {
            assertFalse(message.has("id"), () -> "Expected no id but got " + message);
        } else {
            assertEquals(id, message.path("id").asText(null), () -> "Expected id '" + id + "' echoed in " + message);
        }
    }

    public static boolean isUuid(JsonNode node) {
        if (!node.isTextual()) {
            return false;
        }
        try {
            return UUID.fromString(node.asText()).toString().equalsIgnoreCase(node.asText());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static void assertUuid(JsonNode node, String what) {
        assertTrue(isUuid(node), () -> what + " must be a UUID but was " + node);
    }
}

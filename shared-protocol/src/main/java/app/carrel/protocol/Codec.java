package app.carrel.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * The one JSON codec of the protocol, for both directions. Decoding is strict about types (no
 * coercion of {@code "4"} to 4, {@code 2.5} or {@code 4.0} to an integer, {@code 1} to
 * {@code true}, 5 to {@code "5"}), rejects trailing data and ignores unknown fields. Instances
 * are immutable and thread-safe.
 */
public final class Codec {

    private static final ObjectMapper MAPPER = strictMapper();

    /** Reads just the leading JSON value, so trailing data does not hide the request id. */
    private static final ObjectReader LENIENT_TREE_READER =
            MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ObjectReader clientReader = MAPPER.readerFor(ClientMessage.class);
    private final ObjectReader serverReader = MAPPER.readerFor(ServerMessage.class);
    private final ObjectWriter clientWriter = MAPPER.writerFor(ClientMessage.class);
    private final ObjectWriter serverWriter = MAPPER.writerFor(ServerMessage.class);

    public String encode(ClientMessage message) {
        return write(clientWriter, message);
    }

    public String encode(ServerMessage message) {
        return write(serverWriter, message);
    }

    public Decoded<ClientMessage> decodeClient(String text) {
        Decoded<ClientMessage> decoded = decode(clientReader, text);
        if (decoded instanceof Decoded.Ok<ClientMessage> ok) {
            ClientMessage message = ok.message();
            if (message.id() != null && !TextRules.validId(message.id())) {
                return new Decoded.Invalid<>(null, ErrorCode.BAD_REQUEST,
                        "'id' must be at most " + TextRules.MAX_ID + " characters");
            }
            String missing = message.missingField();
            if (missing != null) {
                return new Decoded.Invalid<>(message.id(), ErrorCode.BAD_REQUEST,
                        "Missing required field '" + missing + "'");
            }
        }
        return decoded;
    }

    public Decoded<ServerMessage> decodeServer(String text) {
        return decode(serverReader, text);
    }

    private static <T> Decoded<T> decode(ObjectReader reader, String text) {
        try {
            T message = reader.readValue(text);
            if (message == null) {
                // The JSON literal null decodes to no object at all.
                return new Decoded.Invalid<>(null, ErrorCode.BAD_REQUEST, "Expected a JSON object with a 'type'");
            }
            return new Decoded.Ok<>(message);
        } catch (JacksonException e) {
            return new Decoded.Invalid<>(readableId(text), ErrorCode.BAD_REQUEST, describe(e));
        }
    }

    /**
     * Finds the request id of a message that failed to decode, so its error can echo it. Only
     * runs on the error path, so valid traffic is parsed once.
     */
    private static String readableId(String text) {
        try {
            JsonNode id = LENIENT_TREE_READER.readTree(text).get("id");
            if (id != null && id.isTextual() && TextRules.validId(id.textValue())) {
                return id.textValue();
            }
        } catch (JacksonException | RuntimeException e) {
            // Not even a JSON object: there is no id to echo.
        }
        return null;
    }

    private static String describe(JacksonException e) {
        if (e instanceof InvalidTypeIdException typeId) {
            return typeId.getTypeId() == null
                    ? "Missing or invalid 'type'"
                    : "Unknown type '" + typeId.getTypeId() + "'";
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return "Wrong type or value for field '" + field + "'";
        }
        if (e instanceof JsonMappingException) {
            return "Expected a JSON object with a 'type'";
        }
        return "Malformed JSON";
    }

    private static String write(ObjectWriter writer, Object message) {
        try {
            return writer.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            // Our own records always serialize; reaching this is a programming error.
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // Only enums with a default take it (ErrorCode.UNKNOWN); the others still refuse.
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // Fields relayed untyped (an ICE candidate's) keep their numbers as sent: as a
                // double, 1e400 came out as Infinity (not JSON) and 1.50 as 1.5.
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Integer,
                LogicalType.Boolean, LogicalType.Enum, LogicalType.Float}) {
            for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer,
                    CoercionInputShape.Float, CoercionInputShape.Boolean, CoercionInputShape.String,
                    CoercionInputShape.EmptyString}) {
                mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
            }
        }
        return mapper;
    }
}

package app.carrel.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Predicate;

/**
 * A trickled ICE candidate. An empty {@code candidate} string signals the end of candidates.
 *
 * <p>The contract relays the object exactly as its sender wrote it, every field kept:
 * {@code usernameFragment} (browsers send it, ICE restarts rely on it), fields this version does
 * not name, and {@code null}s. So the candidate <em>is</em> its JSON object, and the accessors
 * read from it; a record of the three known fields dropped the rest (issue 10). The known fields
 * stay strictly typed: a string, an integer or {@code null} where the contract says so, else the
 * message is {@code bad-request}. Immutable: the object is never handed out.
 */
public final class IceCandidate {
    private final ObjectNode json;

    /** The three fields a local candidate has; each is written, {@code null} included. */
    public IceCandidate(String candidate, String sdpMid, Integer sdpMLineIndex) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("candidate", candidate);
        o.put("sdpMid", sdpMid);
        o.put("sdpMLineIndex", sdpMLineIndex);
        this.json = o;
    }

    private IceCandidate(ObjectNode json) {
        this.json = json;
    }

    /** Jackson's way in: the object as received, after the known fields' types are checked. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static IceCandidate of(ObjectNode json) {
        requireType(json, "candidate", JsonNode::isTextual, "a string");
        requireType(json, "sdpMid", JsonNode::isTextual, "a string");
        requireType(json, "sdpMLineIndex", n -> n.isIntegralNumber() && n.canConvertToInt(), "an integer");
        requireType(json, "usernameFragment", JsonNode::isTextual, "a string");
        return new IceCandidate(json);
    }

    /** Jackson's way out: the object exactly as it came in. */
    @JsonValue
    private ObjectNode json() {
        return json;
    }

    /** The {@code candidate:} line; {@code null} only when a sender left it out (a bad request). */
    public String candidate() {
        return text("candidate");
    }

    public String sdpMid() {
        return text("sdpMid");
    }

    public Integer sdpMLineIndex() {
        JsonNode n = json.get("sdpMLineIndex");
        return n == null || n.isNull() ? null : n.intValue();
    }

    public String usernameFragment() {
        return text("usernameFragment");
    }

    private String text(String field) {
        JsonNode n = json.get(field);
        return n == null || n.isNull() ? null : n.textValue();
    }

    private static void requireType(ObjectNode json, String field, Predicate<JsonNode> ok, String what) {
        JsonNode n = json.get(field);
        if (n != null && !n.isNull() && !ok.test(n)) {
            throw new IllegalArgumentException("'candidate." + field + "' must be " + what + " or null");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IceCandidate other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return "IceCandidate" + json;
    }
}

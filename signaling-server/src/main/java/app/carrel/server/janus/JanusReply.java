package app.carrel.server.janus;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a plugin answered: its {@code plugindata.data}, and the SDP that came with it ({@code jsep},
 * null when none).
 */
public record JanusReply(JsonNode data, JsonNode jsep) {

    /** The SDP of {@link #jsep}, or null. */
    public String sdp() {
        return jsep == null || !jsep.hasNonNull("sdp") ? null : jsep.get("sdp").asText();
    }
}

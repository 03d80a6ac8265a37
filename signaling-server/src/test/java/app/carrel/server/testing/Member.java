package app.carrel.server.testing;

import com.fasterxml.jackson.databind.JsonNode;

/** A connection seated in a room, with what its {@code joined} said. */
public record Member(RecordingClient client, String id, String name, String resume, String room, JsonNode joined) {

    static Member of(RecordingClient client, JsonNode joined) {
        return new Member(client, joined.path("self").path("id").asText(), joined.path("self").path("name").asText(),
                joined.path("resume").asText(), joined.path("room").path("id").asText(), joined);
    }

    public void send(Object... keyValues) {
        client.sendJson(keyValues);
    }

    public void send(String raw) {
        client.send(raw);
    }

    public JsonNode next() {
        return client.next();
    }

    public JsonNode expect(String type) {
        return client.expect(type);
    }

    /** Sends a chat and returns the sender's own copy: a marker that everything sent before it arrived. */
    public JsonNode chatAndAwaitEcho(String text) {
        client.sendJson("type", "chat", "id", "marker", "text", text);
        return client.nextMatching(m -> "chat".equals(m.path("type").asText()) && text.equals(m.path("text").asText()),
                "own chat '" + text + "'", RecordingClient.DEFAULT_WAIT);
    }
}

package app.carrel.client.call;

import app.carrel.server.janus.JanusEvents;
import app.carrel.server.janus.JanusLink;
import app.carrel.server.janus.JanusReply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A look into a Janus from outside Carrel, as an operator (with the secret) or a stranger
 * (with or without it) would: its own session and one VideoRoom handle.
 */
final class JanusPeek implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JanusEvents QUIET = new JanusEvents() {
        @Override
        public void onPluginEvent(long handle, JanusReply event) {
        }

        @Override
        public void onWebrtcUp(long handle) {
        }

        @Override
        public void onLost(JanusLink link, Throwable cause) {
        }
    };

    final JanusLink link;
    final long handle;

    JanusPeek(URI uri, String apiSecret) throws Exception {
        link = JanusLink.open(uri, apiSecret, QUIET).get(10, TimeUnit.SECONDS);
        handle = link.attach("janus.plugin.videoroom").get(10, TimeUnit.SECONDS);
    }

    /** Every VideoRoom's number, private ones included (the admin key shows them). */
    List<Long> rooms(String adminKey) throws Exception {
        JsonNode list = request(body("list").put("admin_key", adminKey)).data().path("list");
        List<Long> rooms = new ArrayList<>();
        list.forEach(r -> rooms.add(r.path("room").asLong()));
        return rooms;
    }

    /** The publishers' feed ids in a room. */
    List<Long> feeds(long room) throws Exception {
        JsonNode participants = request(body("listparticipants").put("room", room)).data().path("participants");
        List<Long> feeds = new ArrayList<>();
        participants.forEach(p -> {
            if (p.path("publisher").asBoolean()) {
                feeds.add(p.path("id").asLong());
            }
        });
        return feeds;
    }

    JanusReply request(ObjectNode body) throws Exception {
        return link.message(handle, body, null, null).get(10, TimeUnit.SECONDS);
    }

    static ObjectNode body(String request) {
        return JSON.createObjectNode().put("request", request);
    }

    @Override
    public void close() {
        link.close();
    }
}

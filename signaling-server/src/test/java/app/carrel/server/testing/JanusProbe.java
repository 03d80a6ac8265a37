package app.carrel.server.testing;

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
 * Looks into a test Janus from beside the server: which VideoRooms exist (the admin key shows the
 * private ones too) and who is in one. Every wait is bounded.
 */
public final class JanusProbe implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JanusLink link;
    private final long handle;
    private final String adminKey;

    public JanusProbe(URI uri, String secret) throws Exception {
        this.adminKey = secret;
        this.link = JanusLink.open(uri, secret, new JanusEvents() {
            @Override
            public void onPluginEvent(long h, JanusReply event) {
            }

            @Override
            public void onWebrtcUp(long h) {
            }

            @Override
            public void onLost(JanusLink l, Throwable cause) {
            }
        }).get(10, TimeUnit.SECONDS);
        this.handle = link.attach("janus.plugin.videoroom").get(10, TimeUnit.SECONDS);
    }

    /** The numbers of the VideoRooms that exist now. */
    public List<Long> rooms() throws Exception {
        ObjectNode list = JSON.createObjectNode().put("request", "list").put("admin_key", adminKey);
        List<Long> rooms = new ArrayList<>();
        for (JsonNode room : link.message(handle, list, null, null).get(10, TimeUnit.SECONDS).data().path("list")) {
            rooms.add(room.path("room").asLong());
        }
        return rooms;
    }

    /** The displays (Carrel participant ids) of the publishers in a VideoRoom. */
    public List<String> participants(long room) throws Exception {
        ObjectNode request = JSON.createObjectNode().put("request", "listparticipants").put("room", room);
        List<String> displays = new ArrayList<>();
        for (JsonNode p : link.message(handle, request, null, null).get(10, TimeUnit.SECONDS).data()
                .path("participants")) {
            displays.add(p.path("display").asText());
        }
        return displays;
    }

    @Override
    public void close() {
        link.close();
    }
}

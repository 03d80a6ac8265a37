package app.carrel.server.hall;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The bodies of the Janus VideoRoom requests a hall uses (see janus_videoroom.c's documentation
 * of each), built in one place. Pure.
 */
final class VideoRoomRequests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private VideoRoomRequests() {
    }

    /**
     * Janus asks a publisher for a key frame when it has sent none for this long. A simulcast
     * subscriber gets nothing of a video until a key frame on its layer, and Janus asks for one
     * only once as it subscribes; libwebrtc ignores a request within 300 ms of the last, so when
     * two members subscribed together one of them got no frame at all (seen once in 4 CI runs of
     * HallCallTest). This bounds that wait, at the cost of a key frame every few seconds.
     */
    static final int KEYFRAME_SECONDS = 3;

    /**
     * A private room only the server can create (admin key) and change (secret), which admits
     * only publishers with a token we added ({@code allowed}) and subscribers that name a
     * publisher's private id ({@code require_pvtid}).
     */
    static ObjectNode create(long room, String adminKey, String secret, int publishers, int bitrate) {
        ObjectNode body = request("create");
        body.put("room", room);
        if (adminKey != null) {
            body.put("admin_key", adminKey);
        }
        body.put("secret", secret);
        body.put("is_private", true);
        body.put("permanent", false);
        body.put("publishers", publishers);
        body.put("bitrate", bitrate);
        body.put("fir_freq", KEYFRAME_SECONDS);
        body.put("require_pvtid", true);
        body.putArray("allowed");
        body.put("audiocodec", "opus");
        body.put("videocodec", "vp8");
        body.put("notify_joining", false);
        return body;
    }

    static ObjectNode allowed(long room, String secret, String action, String token) {
        ObjectNode body = request("allowed");
        body.put("room", room);
        body.put("secret", secret);
        body.put("action", action);
        body.putArray("allowed").add(token);
        return body;
    }

    static ObjectNode destroy(long room, String secret) {
        ObjectNode body = request("destroy");
        body.put("room", room);
        body.put("secret", secret);
        return body;
    }

    /** Joins as a publisher (not yet sending): {@code display} is the Carrel participant id. */
    static ObjectNode joinPublisher(long room, long feed, String participantId, String token) {
        ObjectNode body = request("join");
        body.put("ptype", "publisher");
        body.put("room", room);
        body.put("id", feed);
        body.put("display", participantId);
        body.put("token", token);
        return body;
    }

    /** {@code publish} the first time, {@code configure} for a renegotiation (a screen share). */
    static ObjectNode publish(boolean first, String screenMid) {
        ObjectNode body = request(first ? "publish" : "configure");
        if (screenMid != null) {
            body.putArray("descriptions").addObject().put("mid", screenMid).put("description", "screen");
        }
        return body;
    }

    static ObjectNode joinSubscriber(long room, long privateId, List<FeedStream> streams,
                                     ToIntFunction<FeedStream> substream) {
        ObjectNode body = request("join");
        body.put("ptype", "subscriber");
        body.put("room", room);
        body.put("private_id", privateId);
        body.put("use_msid", false);
        streams(body.putArray("streams"), streams, substream);
        return body;
    }

    static ObjectNode update(List<FeedStream> subscribe, List<FeedStream> unsubscribe,
                             ToIntFunction<FeedStream> substream) {
        ObjectNode body = request("update");
        if (!subscribe.isEmpty()) {
            streams(body.putArray("subscribe"), subscribe, substream);
        }
        if (!unsubscribe.isEmpty()) {
            streams(body.putArray("unsubscribe"), unsubscribe, null);
        }
        return body;
    }

    /** Other simulcast layers on the subscriber's m-lines: mid to substream. */
    static ObjectNode layers(Map<String, Integer> substreams) {
        ObjectNode body = request("configure");
        ArrayNode streams = body.putArray("streams");
        substreams.forEach((mid, substream) -> streams.addObject().put("mid", mid).put("substream", substream));
        return body;
    }

    /**
     * Quiet halls: mutes (or unmutes) one m-line a publisher sends; Janus then forwards nothing of
     * it, whatever the client sends. {@code feed} is the publisher's id in the VideoRoom.
     */
    static ObjectNode moderate(long room, String secret, long feed, String mid, boolean mute) {
        ObjectNode body = request("moderate");
        body.put("room", room);
        body.put("secret", secret);
        body.put("id", feed);
        body.put("mid", mid);
        body.put("mute", mute);
        return body;
    }

    static ObjectNode start() {
        return request("start");
    }

    private static void streams(ArrayNode array, List<FeedStream> streams, ToIntFunction<FeedStream> substream) {
        for (FeedStream s : streams) {
            ObjectNode entry = array.addObject().put("feed", s.feed()).put("mid", s.mid());
            if (substream != null) {
                entry.put("substream", substream.applyAsInt(s));
            }
        }
    }

    private static ObjectNode request(String name) {
        ObjectNode body = JSON.createObjectNode();
        body.put("request", name);
        return body;
    }
}

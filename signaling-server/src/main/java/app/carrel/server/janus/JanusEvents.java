package app.carrel.server.janus;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What Janus says on its own, not as an answer to a request. Called on the WebSocket's thread:
 * implementations hop onto their own thread and never block.
 */
public interface JanusEvents {

    /** A plugin event on {@code handle} that answers no request of ours (a subscriber's new offer). */
    void onPluginEvent(long handle, JanusReply event);

    /** The PeerConnection of {@code handle} is up (a publisher is now subscribable). */
    void onWebrtcUp(long handle);

    /** The connection to this Janus is gone: every session and handle on it is gone too. */
    void onLost(JanusLink link, Throwable cause);
}

package app.carrel.client.call;

import app.carrel.client.video.Frame;

/**
 * Receives a participant's decoded video. Called on a native decoder thread: return quickly and
 * never block. The frame is valid only during the call; the engine releases it afterwards, so a
 * sink copies what it keeps (as {@code VideoFeed} does). A sink that throws
 * is logged, never propagated into native code.
 */
@FunctionalInterface
public interface RemoteVideoSink {
    void onFrame(String peerId, VideoKind kind, Frame frame);
}

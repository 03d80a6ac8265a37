package app.carrel.client.call;

import dev.onvoid.webrtc.media.video.VideoFrame;

/**
 * Receives a participant's decoded video. Called on a native decoder thread: return quickly and
 * never block. The frame is valid only during the call; the engine releases it afterwards, so a
 * sink that keeps it must {@code retain()} it and later {@code release()} it. A sink that throws
 * is logged, never propagated into native code.
 */
@FunctionalInterface
public interface RemoteVideoSink {
    void onFrame(String peerId, VideoKind kind, VideoFrame frame);
}

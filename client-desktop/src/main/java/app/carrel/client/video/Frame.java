package app.carrel.client.video;

import dev.onvoid.webrtc.media.video.VideoFrame;

/**
 * One video frame as the UI receives it, so that packages above video/ (room/) never name
 * webrtc-java's types. Valid only during the call that hands it over: the engine releases the
 * native frame afterwards. Made per frame on a decoder thread, never on the FX thread.
 */
public final class Frame {

    private final VideoFrame frame;

    private Frame(VideoFrame frame) {
        this.frame = frame;
    }

    /** For the engine, the capturers and benchmarks, which hold native frames. */
    public static Frame of(VideoFrame frame) {
        return new Frame(frame);
    }

    public int width() {
        return frame.buffer.getWidth();
    }

    public int height() {
        return frame.buffer.getHeight();
    }

    VideoFrame nativeFrame() {
        return frame;
    }
}

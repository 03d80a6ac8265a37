package app.carrel.client.media;

import dev.onvoid.webrtc.media.video.VideoDesktopSource;

/**
 * The whole desktop as a video source. webrtc-java 0.14.0 crashes the JVM when it lists desktop
 * sources on Linux (an upstream bug), so we never list: source id -1 is the full desktop, proven
 * to capture Xvfb at about 26 fps. Needs DISPLAY in the environment when the JVM starts.
 */
public final class ScreenCapture extends NativeCapture {

    private static final long WHOLE_DESKTOP = -1;

    public ScreenCapture(int maxWidth, int maxHeight, int fps) {
        this(new VideoDesktopSource(), maxWidth, maxHeight, fps);
    }

    private ScreenCapture(VideoDesktopSource source, int maxWidth, int maxHeight, int fps) {
        super(source, source::start, source::stop, source::dispose);
        source.setSourceId(WHOLE_DESKTOP, false);
        source.setFrameRate(fps);
        source.setMaxFrameSize(maxWidth, maxHeight);
    }

    public ScreenCapture() {
        this(1920, 1080, 15);
    }
}

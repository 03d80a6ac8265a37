package app.carrel.client.media;

import dev.onvoid.webrtc.media.video.VideoDesktopSource;
import dev.onvoid.webrtc.media.video.VideoTrackSource;

/**
 * The whole desktop as a video source. webrtc-java 0.14.0 crashes the JVM when it lists desktop
 * sources on Linux (an upstream bug), so we never list: source id -1 is the full desktop, proven
 * to capture Xvfb at about 26 fps. Needs DISPLAY in the environment when the JVM starts.
 */
public final class ScreenCapture implements LocalVideo {

    private static final long WHOLE_DESKTOP = -1;

    private final VideoDesktopSource source = new VideoDesktopSource();
    private boolean started;

    public ScreenCapture(int maxWidth, int maxHeight, int fps) {
        source.setSourceId(WHOLE_DESKTOP, false);
        source.setFrameRate(fps);
        source.setMaxFrameSize(maxWidth, maxHeight);
    }

    public ScreenCapture() {
        this(1920, 1080, 15);
    }

    @Override
    public VideoTrackSource source() {
        return source;
    }

    @Override
    public synchronized void start() {
        if (!started) {
            source.start();
            started = true;
        }
    }

    @Override
    public synchronized void stop() {
        if (started) {
            source.stop();
            started = false;
        }
    }

    @Override
    public void close() {
        stop();
        source.dispose();
    }
}

package app.carrel.client.call;

import app.carrel.client.media.LocalVideo;
import app.carrel.client.media.SyntheticCamera;
import app.carrel.client.media.VideoFormat;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import java.awt.Color;

/**
 * A synthetic camera in one colour that records what the engine did with it: whether it was ever
 * started and whether it was closed. Written on the engine thread, read by the test.
 */
final class RecordingCamera implements LocalVideo {

    private final SyntheticCamera camera;
    private volatile boolean everStarted;
    private volatile boolean closed;

    RecordingCamera(VideoFormat format, int rgb, String name) {
        this.camera = new SyntheticCamera(format, new Color(rgb), name);
    }

    boolean everStarted() {
        return everStarted;
    }

    boolean closed() {
        return closed;
    }

    @Override
    public VideoTrackSource source() {
        return camera.source();
    }

    @Override
    public void start() {
        everStarted = true;
        camera.start();
    }

    @Override
    public void stop() {
        camera.stop();
    }

    @Override
    public void close() {
        camera.close();
        closed = true;
    }
}

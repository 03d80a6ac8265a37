package app.carrel.client.media;

import dev.onvoid.webrtc.media.video.VideoTrackSource;

/**
 * Start/stop bookkeeping shared by the native capture sources (camera, desktop), whose
 * webrtc-java classes have the same start/stop/dispose methods but no common type for them:
 * each subclass hands over its source and those three methods.
 */
abstract class NativeCapture implements LocalVideo {

    private final VideoTrackSource source;
    private final Runnable startCapture;
    private final Runnable stopCapture;
    private final Runnable dispose;
    private boolean started;

    NativeCapture(VideoTrackSource source, Runnable startCapture, Runnable stopCapture, Runnable dispose) {
        this.source = source;
        this.startCapture = startCapture;
        this.stopCapture = stopCapture;
        this.dispose = dispose;
    }

    @Override
    public final VideoTrackSource source() {
        return source;
    }

    @Override
    public final synchronized void start() {
        if (!started) {
            startCapture.run();
            started = true;
        }
    }

    @Override
    public final synchronized void stop() {
        if (started) {
            stopCapture.run();
            started = false;
        }
    }

    @Override
    public final void close() {
        stop();
        dispose.run();
    }
}

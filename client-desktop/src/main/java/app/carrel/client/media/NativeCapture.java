package app.carrel.client.media;

/**
 * Start/stop bookkeeping shared by the native capture sources (camera, desktop), whose
 * webrtc-java classes have the same start/stop/dispose methods but no common type for them.
 */
abstract class NativeCapture implements LocalVideo {

    private boolean started;

    protected abstract void startCapture();

    protected abstract void stopCapture();

    protected abstract void dispose();

    @Override
    public final synchronized void start() {
        if (!started) {
            startCapture();
            started = true;
        }
    }

    @Override
    public final synchronized void stop() {
        if (started) {
            stopCapture();
            started = false;
        }
    }

    @Override
    public final void close() {
        stop();
        dispose();
    }
}

package app.carrel.client.video;

import app.carrel.client.media.LocalVideo;
import app.carrel.client.media.MediaFactory;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our camera with a second, local-only track on its source whose frames feed the self view
 * (the engine offers no local sink). Handed to the engine as its camera, it is closed by the
 * engine after the engine's own track: the preview track goes first, then the camera.
 */
public final class PreviewedCamera implements LocalVideo {

    private static final Logger log = LoggerFactory.getLogger(PreviewedCamera.class);

    private final LocalVideo camera;
    private final VideoTrack track;
    private final VideoTrackSink sink;
    private boolean closed;

    public PreviewedCamera(MediaFactory factory, LocalVideo camera, VideoFeed feed) {
        this.camera = camera;
        this.track = factory.createVideoTrack("self-preview", camera.source());
        this.sink = frame -> onFrame(feed, frame);
        track.addSink(sink);
    }

    @Override
    public VideoTrackSource source() {
        return camera.source();
    }

    @Override
    public void start() {
        camera.start();
    }

    @Override
    public void stop() {
        camera.stop();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            track.removeSink(sink);
            track.dispose();
        } catch (RuntimeException e) {
            log.warn("Disposing the preview track failed: {}", e.toString());
        }
        camera.close();
    }

    // A native thread: never throw, always release (a kept frame leaks native memory).
    private static void onFrame(VideoFeed feed, VideoFrame frame) {
        try {
            feed.accept(Frame.of(frame));
        } catch (Throwable e) {
            log.warn("Self view frame failed: {}", e.toString());
        } finally {
            frame.release();
        }
    }
}

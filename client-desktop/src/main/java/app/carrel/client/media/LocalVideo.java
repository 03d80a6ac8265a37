package app.carrel.client.media;

import dev.onvoid.webrtc.media.video.VideoTrackSource;

/**
 * Something that produces our outgoing video: a camera, the synthetic camera or the screen.
 * {@link #stop()} stops producing frames altogether (camera off): a merely disabled track would
 * keep sending black frames.
 */
public interface LocalVideo extends AutoCloseable {

    VideoTrackSource source();

    void start();

    void stop();

    /** Stops and frees the native source; the tracks made from it must be disposed first. */
    @Override
    void close();
}

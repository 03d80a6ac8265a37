package app.carrel.client.call;

import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;

/**
 * Our outgoing tracks, shared by every peer connection. Owned by the engine thread. Stream ids
 * tell receivers camera from screen.
 */
final class LocalTracks {

    static final String CAMERA_STREAM = "carrel-camera";
    static final String SCREEN_STREAM = "carrel-screen";

    final AudioTrack audio;
    final VideoTrack camera;
    /** Non-null while we share our screen. */
    VideoTrack screen;

    LocalTracks(AudioTrack audio, VideoTrack camera) {
        this.audio = audio;
        this.camera = camera;
    }
}

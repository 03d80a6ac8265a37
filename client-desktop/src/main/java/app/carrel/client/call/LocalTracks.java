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
    /** Replaced when the person switches cameras (LocalMedia#switchCamera); senders follow. */
    VideoTrack camera;
    /**
     * Held while a sender takes or lets go of {@link #audio}: a synthetic microphone pushes under
     * it, as its native source's sink list has no lock of its own (see SyntheticMicrophone).
     */
    final Object audioSinkLock;
    /** Non-null while we share our screen. */
    VideoTrack screen;

    LocalTracks(AudioTrack audio, VideoTrack camera, Object audioSinkLock) {
        this.audio = audio;
        this.camera = camera;
        this.audioSinkLock = audioSinkLock;
    }

    /**
     * Whether our audio may reach the network: the audio track is enabled only with a microphone
     * that is on (never with the headless module, whose "recording" is the room's own mix).
     * Senders keep their stream stopped otherwise, not just fed the disabled track: a send stream
     * fades its first muted 10 ms in rather than zeroing them, which let a burst of microphone
     * (or echo) out whenever a connection came up (AudioLevelTest).
     */
    boolean audioSent() {
        return audio.isEnabled();
    }

    LocalTracks(AudioTrack audio, VideoTrack camera) {
        this(audio, camera, new Object());
    }
}

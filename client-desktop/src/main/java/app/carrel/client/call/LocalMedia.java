package app.carrel.client.call;

import app.carrel.client.media.LocalVideo;
import app.carrel.client.media.MediaFactory;
import app.carrel.client.media.SyntheticMicrophone;
import app.carrel.protocol.MediaFlags;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our microphone, camera and screen for the length of one room visit. Owned by the engine thread.
 * Turning the camera off disables the track and stops the source, so nothing at all is sent
 * (a disabled track alone would keep sending black frames).
 */
final class LocalMedia implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalMedia.class);

    private final MediaFactory factory;
    private final Supplier<LocalVideo> screenSupplier;
    private LocalVideo camera;
    /** Non-null when the factory's audio is synthetic: our "microphone" is a tone. */
    private final SyntheticMicrophone tone;
    private final LocalTracks tracks;
    /**
     * Our own level for the self tile. Only sources that hand their audio to track sinks feed it:
     * the synthetic microphone does; a device microphone's audio bypasses track sinks in WebRTC
     * (it goes from the audio module straight to the send streams), so there it stays 0.
     */
    private final LevelMeter level = new LevelMeter("self");
    private LocalVideo screen;
    private VideoTrack retiredScreenTrack;
    // The camera before a switch, until every sender has let go of its track.
    private LocalVideo retiredCamera;
    private VideoTrack retiredCameraTrack;
    private MediaFlags flags;

    LocalMedia(MediaFactory factory, Supplier<LocalVideo> cameraSupplier, Supplier<LocalVideo> screenSupplier,
               boolean microphoneOn, boolean cameraOn) {
        this.factory = factory;
        this.screenSupplier = screenSupplier;
        this.camera = cameraSupplier.get();
        this.tone = factory.audioBackend().synthetic() ? new SyntheticMicrophone() : null;
        AudioTrack audio = factory.createAudioTrack("audio", tone != null ? tone.source() : factory.createMicrophoneSource());
        VideoTrack video = factory.createVideoTrack(VideoKind.CAMERA.label(), camera.source());
        this.tracks = new LocalTracks(audio, video, tone != null ? tone.sinkLock() : new Object());
        synchronized (tracks.audioSinkLock) {
            audio.addSink(level);
        }
        this.flags = new MediaFlags(true, true, false);
        setMicrophone(microphoneOn);
        setCamera(cameraOn);
    }

    /** The flags a new LocalMedia has, known before it is made (the join that carries them goes first). */
    static MediaFlags startingFlags(boolean microphoneOn, boolean cameraOn) {
        return new MediaFlags(microphoneOn, cameraOn, false);
    }

    LocalTracks tracks() {
        return tracks;
    }

    MediaFlags flags() {
        return flags;
    }

    /** What we send, 0..1: nothing while muted or without a microphone. */
    double audioLevel() {
        return flags.audio() && factory.audioBackend().capturesSound() ? level.level() : 0;
    }

    /**
     * The switch is the person's and travels in media-state as they set it; audio goes out only
     * with a real (or synthetic) capture. The caller then starts or stops every audio sender
     * (see {@link LocalTracks#audioSent()}); the disabled track is the second lock.
     */
    void setMicrophone(boolean on) {
        tracks.audio.setEnabled(on && factory.audioBackend().capturesSound());
        flags = new MediaFlags(on, flags.video(), flags.screen());
    }

    void setCamera(boolean on) {
        tracks.camera.setEnabled(on);
        if (on) {
            camera.start();
        } else {
            camera.stop();
        }
        flags = new MediaFlags(flags.audio(), on, flags.screen());
    }

    /**
     * Opens another camera and makes its track, in the state the camera switch is in (off stays
     * off: the new track disabled, its source never started). The old camera stops before the new
     * one starts: two USB cameras streaming at once may not fit the bus. The caller hands the new
     * track to every sender, then calls {@link #disposeRetiredCamera()}. When the new camera cannot
     * be opened or started, nothing has changed (the old one runs again) and the failure is thrown.
     */
    void switchCamera(Supplier<LocalVideo> cameraSupplier) {
        disposeRetiredCamera();
        LocalVideo next = cameraSupplier.get();
        VideoTrack track = null;
        boolean on = flags.video();
        try {
            track = factory.createVideoTrack(VideoKind.CAMERA.label(), next.source());
            track.setEnabled(on);
            if (on) {
                camera.stop();
                next.start();
            }
        } catch (RuntimeException | Error e) {
            if (track != null) {
                dispose(track::dispose, "new camera track");
            }
            dispose(next::close, "new camera source");
            if (on) {
                camera.start();
            }
            throw e;
        }
        retiredCamera = camera;
        retiredCameraTrack = tracks.camera;
        camera = next;
        tracks.camera = track;
    }

    /** Frees the camera before a switch, track then source; no sender may hold its track any more. */
    void disposeRetiredCamera() {
        if (retiredCameraTrack == null) {
            return;
        }
        LocalVideo source = retiredCamera;
        VideoTrack track = retiredCameraTrack;
        retiredCamera = null;
        retiredCameraTrack = null;
        dispose(source::stop, "old camera");
        dispose(track::dispose, "old camera track");
        dispose(source::close, "old camera source");
    }

    /** Starts the screen source and its track; the caller renegotiates every peer. */
    void startScreen() {
        if (screen != null) {
            return;
        }
        screen = screenSupplier.get();
        screen.start();
        tracks.screen = factory.createVideoTrack(VideoKind.SCREEN.label(), screen.source());
        flags = new MediaFlags(flags.audio(), flags.video(), true);
    }

    /**
     * Takes the screen track out of {@link LocalTracks}; the caller removes it from every peer and
     * then calls {@link #disposeStoppedScreen()}.
     */
    void stopScreen() {
        if (screen == null) {
            return;
        }
        retiredScreenTrack = tracks.screen;
        tracks.screen = null;
        screen.stop();
        flags = new MediaFlags(flags.audio(), flags.video(), false);
    }

    void disposeStoppedScreen() {
        if (retiredScreenTrack != null) {
            dispose(retiredScreenTrack::dispose, "screen track");
            retiredScreenTrack = null;
            LocalVideo source = screen;
            screen = null;
            dispose(source::close, "screen source");
        }
    }

    /** Frees tracks then sources; every peer connection must have let go of them already. */
    @Override
    public void close() {
        disposeStoppedScreen();
        disposeRetiredCamera();
        camera.stop();
        if (screen != null) {
            screen.stop();
        }
        if (tracks.screen != null) {
            dispose(tracks.screen::dispose, "screen track");
        }
        dispose(tracks.camera::dispose, "camera track");
        dispose(() -> {
            synchronized (tracks.audioSinkLock) {
                tracks.audio.removeSink(level);
            }
        }, "own level meter");
        dispose(tracks.audio::dispose, "audio track");
        if (tone != null) {
            dispose(tone::close, "synthetic microphone");
        }
        if (screen != null) {
            dispose(screen::close, "screen source");
        }
        dispose(camera::close, "camera source");
    }

    private static void dispose(Runnable disposer, String what) {
        try {
            disposer.run();
        } catch (RuntimeException | Error e) {
            log.warn("Disposing the {} failed: {}", what, e.toString());
        }
    }
}

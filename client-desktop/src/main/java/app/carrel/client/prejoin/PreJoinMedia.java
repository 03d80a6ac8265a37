package app.carrel.client.prejoin;

import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.MediaFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The media stack as the pre-join screen uses it, so {@link PreJoinModel} can be tested without
 * native code. Called from the FX thread; the futures complete on the stack's own thread.
 * {@link NativePreJoinMedia} is the real one.
 */
public interface PreJoinMedia {

    /** Loads the stack and lists what this machine has. */
    CompletableFuture<Found> start();

    /** Shows this camera in the preview, replacing the one shown before; null: none (camera off). */
    CompletableFuture<Void> preview(CameraChoice camera);

    /**
     * Meters the named microphone (null: the system's default) while {@code on}, replacing the
     * meter before; off closes the microphone.
     */
    CompletableFuture<Void> meter(boolean on, String microphone);

    /** The metered level now (RMS, 0..1); 0 without a meter. Any thread. */
    double level();

    /** Closes the preview and the meter and hands the factory on, to the room. The last call. */
    CompletableFuture<MediaFactory> handOver();

    /** Closes the preview, the meter and the factory. The last call. */
    void release();

    /** What {@link #start()} found: the audio module, and the choices for each box (never empty). */
    record Found(AudioBackend audio, List<CameraChoice> cameras, List<String> microphones, List<String> speakers) {
    }
}

package app.carrel.client.prejoin;

import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.LocalVideo;
import app.carrel.client.media.MediaFactory;
import app.carrel.client.media.MicrophoneMeter;
import app.carrel.client.media.VideoFormat;
import app.carrel.client.video.PreviewedCamera;
import app.carrel.client.video.VideoFeed;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real media stack before a call. Native objects are made and freed on one worker, in order:
 * the preview camera and the microphone meter are always closed before the factory, and the
 * factory is either handed on (join) or closed (back, window closing).
 */
final class NativePreJoinMedia implements PreJoinMedia {

    private static final Logger log = LoggerFactory.getLogger(NativePreJoinMedia.class);

    private final VideoFeed feed;
    private final String personName;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "carrel-prejoin-media");
        thread.setDaemon(true);
        return thread;
    });
    // The worker's alone.
    private MediaFactory factory;
    private LocalVideo preview;
    // Written by the worker; read by level() on the FX thread.
    private volatile MicrophoneMeter meter;

    NativePreJoinMedia(VideoFeed feed, String personName) {
        this.feed = feed;
        this.personName = personName;
    }

    @Override
    public CompletableFuture<Found> start() {
        return CompletableFuture.supplyAsync(() -> {
            factory = MediaFactory.createForSystem();
            AudioBackend audio = factory.audioBackend();
            return new Found(audio, Devices.cameras(), Devices.microphones(audio), Devices.speakers(audio));
        }, worker);
    }

    @Override
    public CompletableFuture<Void> preview(CameraChoice camera) {
        return CompletableFuture.runAsync(() -> {
            closePreview();
            if (camera != null && factory != null) {
                LocalVideo opened = camera.open(VideoFormat.DEFAULT, personName);
                try {
                    preview = new PreviewedCamera(factory, opened, feed);
                } catch (RuntimeException e) {
                    opened.close();
                    throw e;
                }
                preview.start();
            }
        }, worker);
    }

    @Override
    public CompletableFuture<Void> meter(boolean on, String microphone) {
        return CompletableFuture.runAsync(() -> {
            closeMeter();
            // Only the real module has a microphone; a module of our own elsewhere hangs or aborts.
            if (on && factory != null && factory.audioBackend().kind() == AudioBackend.Kind.DEVICE) {
                meter = MicrophoneMeter.open(microphone);
            }
        }, worker);
    }

    @Override
    public double level() {
        MicrophoneMeter current = meter;
        return current == null ? 0 : current.level();
    }

    @Override
    public CompletableFuture<MediaFactory> handOver() {
        CompletableFuture<MediaFactory> handed = CompletableFuture.supplyAsync(() -> {
            closeMeter();
            closePreview();
            MediaFactory leaving = factory;
            factory = null;
            return leaving;
        }, worker);
        worker.shutdown();
        return handed;
    }

    @Override
    public void release() {
        try {
            worker.execute(() -> {
                closeMeter();
                closePreview();
                if (factory != null) {
                    factory.close();
                    factory = null;
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Pre-join media already handed over or released");
        }
        worker.shutdown();
    }

    private void closePreview() {
        LocalVideo closing = preview;
        preview = null;
        if (closing != null) {
            try {
                closing.close();
            } catch (RuntimeException e) {
                log.warn("Closing the preview camera failed: {}", e.toString());
            }
        }
    }

    private void closeMeter() {
        MicrophoneMeter closing = meter;
        meter = null;
        if (closing != null) {
            try {
                closing.close();
            } catch (RuntimeException e) {
                log.warn("Closing the microphone meter failed: {}", e.toString());
            }
        }
    }
}

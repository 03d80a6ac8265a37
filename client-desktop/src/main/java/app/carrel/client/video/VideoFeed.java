package app.carrel.client.video;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newest picture of one video, converted natively off the FX thread. Decoder threads call
 * {@link #accept}, which turns the frame into IntArgbPre pixels (libyuv's "ARGB" is B,G,R,A in
 * memory: a native-order int of 0xAARRGGBB on little-endian machines) in a staging buffer and
 * asks the FX thread to copy it; a newer frame simply overwrites an older one (latest wins).
 * <p>
 * The staging buffer and its size are guarded by {@code lock}. A decoder thread holds it only
 * while converting; the FX thread merely tries it ({@link #copyTo}) and skips the pulse when the
 * decoder is busy, so it never waits on WebRTC. The caller keeps ownership of the frame and
 * releases it.
 */
public final class VideoFeed {

    private static final Logger log = LoggerFactory.getLogger(VideoFeed.class);

    /** The FX-side image a feed copies into (a {@link VideoSurface}; public for bench/'s RenderPathBenchmark). */
    public interface Target {
        /** Called on the FX thread under the feed's lock with the fresh pixels. */
        void show(ByteBuffer pixels, int width, int height);
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final AtomicLong frames = new AtomicLong();
    private ByteBuffer staging;
    private int width;
    private int height;
    private boolean fresh;
    private long failures;
    private volatile Runnable drain;

    /** Any thread. Converts the frame; the caller still releases it. */
    public void accept(Frame frame) {
        VideoFrameBuffer buffer = frame.nativeFrame().buffer;
        int w = buffer.getWidth();
        int h = buffer.getHeight();
        lock.lock();
        try {
            if (staging == null || w != width || h != height) {
                staging = ByteBuffer.allocateDirect(w * h * 4).order(ByteOrder.nativeOrder());
                width = w;
                height = h;
            }
            staging.clear();
            VideoBufferConverter.convertFromI420(buffer, staging, FourCC.ARGB);
            fresh = true;
        } catch (Exception e) {
            if (failures++ % 300 == 0) {
                log.warn("Converting a {}x{} frame failed ({} times): {}", w, h, failures, e.toString());
            }
            return;
        } finally {
            lock.unlock();
        }
        frames.incrementAndGet();
        Runnable target = drain;
        if (target != null && drainQueued.compareAndSet(false, true)) {
            Platform.runLater(target);
        }
    }

    /** Frames converted so far (diagnostics and tests). */
    public long frames() {
        return frames.get();
    }

    /** FX thread: the surface that drains this feed; null detaches it. */
    void setDrain(Runnable drain) {
        this.drain = drain;
        if (drain != null && frames.get() > 0 && drainQueued.compareAndSet(false, true)) {
            Platform.runLater(drain);
        }
    }

    /**
     * FX thread: hands the newest pixels to {@code target} when there are fresh ones and no decoder
     * is converting right now (it queues another drain when it is done).
     */
    public void copyTo(Target target) {
        drainQueued.set(false);
        if (!lock.tryLock()) {
            return;
        }
        try {
            if (fresh) {
                fresh = false;
                staging.clear();
                target.show(staging, width, height);
            }
        } finally {
            lock.unlock();
        }
    }
}

package app.carrel.client.media;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A camera for people without one: a moving test pattern in one colour ({@link CameraPattern}),
 * with the person's name on it, pushed into a CustomVideoSource at the frame rate. Receivers (and
 * tests) can tell senders apart by the average colour of the decoded picture.
 * The native library must be loaded first (create the {@link MediaFactory} before this).
 */
public final class SyntheticCamera implements LocalVideo {

    private static final Logger log = LoggerFactory.getLogger(SyntheticCamera.class);

    private static final int NAME_MARGIN = 6;

    private final VideoFormat format;
    private final Color color;
    private final PatternPainter pattern;
    // Laid out once, null for an empty name; drawn on every frame.
    private final TextLayout name;
    private final CustomVideoSource source = new CustomVideoSource();
    // The image and tick are touched only by the pusher thread.
    private final BufferedImage image;
    private final ScheduledExecutorService pusher;
    private long tick;
    private ScheduledFuture<?> running;
    // Written only by the pusher thread (so += is safe), read by benchmarks: drawing's cost.
    private volatile long paintedFrames;
    private volatile long paintNanos;

    public SyntheticCamera(VideoFormat format, Color color, String name) {
        this(format, color, name, CameraPattern.FLAT);
    }

    public SyntheticCamera(VideoFormat format, Color color, String name, CameraPattern pattern) {
        this.format = format;
        this.color = color;
        this.pattern = PatternPainter.of(pattern, format, color);
        this.image = new BufferedImage(format.width(), format.height(), BufferedImage.TYPE_4BYTE_ABGR);
        this.name = layoutName(image, name);
        this.pusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "carrel-synthetic-camera");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public VideoTrackSource source() {
        return source;
    }

    @Override
    public synchronized void start() {
        if (running == null) {
            long period = 1_000_000L / format.fps();
            running = pusher.scheduleAtFixedRate(this::pushFrame, 0, period, TimeUnit.MICROSECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.cancel(false);
            running = null;
        }
    }

    /** Milliseconds spent drawing each frame so far, on average (0 before the first). */
    public double paintMillisPerFrame() {
        long frames = paintedFrames;
        return frames == 0 ? 0 : paintNanos / 1e6 / frames;
    }

    @Override
    public void close() {
        stop();
        pusher.shutdown();
        try {
            if (!pusher.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("Synthetic camera pusher did not stop within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.dispose();
    }

    private void pushFrame() {
        // A throw would cancel the schedule silently, so every fault is logged here.
        try {
            long start = System.nanoTime();
            paint(tick++);
            paintNanos += System.nanoTime() - start;
            paintedFrames++;
            byte[] abgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            NativeI420Buffer buffer = NativeI420Buffer.allocate(format.width(), format.height());
            VideoFrame frame = new VideoFrame(buffer, System.nanoTime());
            try {
                // libyuv names formats by word order: bytes A,B,G,R in memory are its "RGBA".
                VideoBufferConverter.convertToI420(abgr, buffer, FourCC.RGBA);
                source.pushFrame(frame);
            } finally {
                frame.release();
            }
        } catch (Throwable e) {
            log.error("Synthetic camera frame failed", e);
        }
    }

    private void paint(long n) {
        pattern.paint(image, n);
        if (name == null) {
            return;
        }
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(contrastOf(color));
            name.draw(g, NAME_MARGIN, name.getAscent() + 4);
        } finally {
            g.dispose();
        }
    }

    /** The name as {@link #paint} draws it: bold, a twelfth of the height, cut to fit the width. */
    static TextLayout layoutName(BufferedImage image, String name) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            Font font = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, image.getHeight() / 12));
            return NameText.layout(name, font, g.getFontRenderContext(), image.getWidth() - 2 * NAME_MARGIN);
        } finally {
            g.dispose();
        }
    }

    private static Color contrastOf(Color c) {
        double luma = 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
        return luma > 140 ? Color.BLACK : Color.WHITE;
    }
}

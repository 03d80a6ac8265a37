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
 * A camera for people without one: a moving test pattern, mostly in one colour, with the
 * person's name on it, pushed into a CustomVideoSource at the frame rate. Receivers (and tests)
 * can tell senders apart by the average colour of the decoded picture.
 * The native library must be loaded first (create the {@link MediaFactory} before this).
 */
public final class SyntheticCamera implements LocalVideo {

    private static final Logger log = LoggerFactory.getLogger(SyntheticCamera.class);

    private static final int NAME_MARGIN = 6;

    private final VideoFormat format;
    private final Color color;
    // Laid out once, null for an empty name; drawn on every frame.
    private final TextLayout name;
    private final CustomVideoSource source = new CustomVideoSource();
    // The image and tick are touched only by the pusher thread.
    private final BufferedImage image;
    private final ScheduledExecutorService pusher;
    private long tick;
    private ScheduledFuture<?> running;

    public SyntheticCamera(VideoFormat format, Color color, String name) {
        this.format = format;
        this.color = color;
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
            paint(tick++);
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
        int w = format.width();
        int h = format.height();
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(color);
            g.fillRect(0, 0, w, h);
            // A small darker square sweeping across shows motion without moving the average much.
            int size = Math.max(8, h / 8);
            int x = (int) ((n * 4) % Math.max(1, w - size));
            g.setColor(color.darker());
            g.fillRect(x, h - size - 4, size, size);
            if (name != null) {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(contrastOf(color));
                name.draw(g, NAME_MARGIN, name.getAscent() + 4);
            }
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

package app.carrel.client.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.MediaFactory;
import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The native conversion the tiles rely on, checked on real I420 frames. */
class VideoFeedTest {

    private static MediaFactory factory; // loads the native library

    @BeforeAll
    static void loadNative() {
        factory = MediaFactory.create(new AudioBackend(AudioBackend.Kind.HEADLESS, "test"));
    }

    @AfterAll
    static void free() {
        factory.close();
    }

    @Test
    void argbPixelsReadAsIntArgbPreInNativeOrder() throws Exception {
        VideoFeed feed = new VideoFeed();
        push(feed, 64, 48, 0xFF2060C0);
        int[] seen = new int[1];
        feed.copyTo((pixels, w, h) -> seen[0] = pixels.order(ByteOrder.nativeOrder()).asIntBuffer().get(w * (h / 2) + w / 2));
        int argb = seen[0];
        assertEquals(0xFF, argb >>> 24, "opaque alpha in the top byte: " + Integer.toHexString(argb));
        assertNear(0x20, (argb >> 16) & 0xFF, "red");
        assertNear(0x60, (argb >> 8) & 0xFF, "green");
        assertNear(0xC0, argb & 0xFF, "blue");
    }

    @Test
    void onlyTheLatestFrameIsShownAndANewSizeIsFollowed() throws Exception {
        VideoFeed feed = new VideoFeed();
        push(feed, 64, 48, 0xFFFF0000);
        push(feed, 32, 16, 0xFF00FF00);
        List<String> shown = new ArrayList<>();
        VideoFeed.Target target = (pixels, w, h) -> {
            int argb = pixels.order(ByteOrder.nativeOrder()).asIntBuffer().get(0);
            boolean green = ((argb >> 8) & 0xFF) > 0xF0 && ((argb >> 16) & 0xFF) < 0x10;
            shown.add(w + "x" + h + (green ? " green" : " " + Integer.toHexString(argb)));
        };
        feed.copyTo(target);
        feed.copyTo(target); // nothing new: nothing shown
        assertEquals(List.of("32x16 green"), shown);
        assertEquals(2, feed.frames());
    }

    private static void push(VideoFeed feed, int w, int h, int argb) throws Exception {
        // libyuv "ARGB" is B,G,R,A in memory.
        ByteBuffer bgra = ByteBuffer.allocateDirect(w * h * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < w * h; i++) {
            bgra.putInt(argb);
        }
        bgra.flip();
        NativeI420Buffer buffer = NativeI420Buffer.allocate(w, h);
        VideoFrame frame = new VideoFrame(buffer, System.nanoTime());
        try {
            VideoBufferConverter.convertToI420(bgra, buffer, FourCC.ARGB);
            feed.accept(Frame.of(frame));
        } finally {
            frame.release();
        }
    }

    private static void assertNear(int expected, int actual, String channel) {
        assertTrue(Math.abs(expected - actual) <= 6, channel + ": expected ~" + expected + " but was " + actual);
    }
}

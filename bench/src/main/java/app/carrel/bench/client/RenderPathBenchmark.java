package app.carrel.bench.client;

import app.carrel.client.media.NativeLibrary;
import app.carrel.client.video.Frame;
import app.carrel.client.video.VideoFeed;
import app.carrel.client.video.VideoSurface;
import dev.onvoid.webrtc.internal.NativeLoader;
import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The desktop app's render path for one decoded 640x480 frame, driving {@link VideoFeed} and its
 * FX-side copy ({@link VideoFeed#copyTo}) exactly as {@link VideoSurface} does:
 * <ul>
 *   <li>{@code feedAccept}: the decoder-thread half, I420 to ARGB into the feed's staging buffer;</li>
 *   <li>{@code feedAcceptAndCopy}: plus the FX-thread half, the copy into the PixelBuffer's
 *       IntBuffer memory ({@code updateBuffer} itself needs a running FX toolkit and only marks
 *       the image dirty, so it is left out);</li>
 *   <li>{@code convertIntoPixelBuffer}: libyuv straight into the PixelBuffer memory, the floor.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderPathBenchmark {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    private VideoFrame frame;
    private Frame uiFrame;
    private VideoFeed feed;
    private ByteBuffer pixelBytes;
    private PixelBuffer<IntBuffer> pixels;
    private VideoFeed.Target copyToPixels;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        NativeLibrary.prepare();
        NativeLoader.loadLibrary("webrtc-java");
        NativeI420Buffer buffer = NativeI420Buffer.allocate(WIDTH, HEIGHT);
        byte[] rgba = new byte[WIDTH * HEIGHT * 4];
        for (int i = 0; i < rgba.length; i++) {
            rgba[i] = (byte) (i * 31 + (i >> 11));
        }
        VideoBufferConverter.convertToI420(rgba, buffer, FourCC.RGBA);
        frame = new VideoFrame(buffer, 0);
        uiFrame = Frame.of(frame);
        feed = new VideoFeed();
        pixelBytes = ByteBuffer.allocateDirect(WIDTH * HEIGHT * 4).order(ByteOrder.nativeOrder());
        pixels = new PixelBuffer<>(WIDTH, HEIGHT, pixelBytes.asIntBuffer(), PixelFormat.getIntArgbPreInstance());
        // What VideoSurface.show does per frame, less updateBuffer (FX toolkit only).
        copyToPixels = (fresh, w, h) -> {
            pixelBytes.clear();
            pixelBytes.put(fresh);
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        frame.release();
    }

    @Benchmark
    public long feedAccept() {
        feed.accept(uiFrame);
        return feed.frames();
    }

    @Benchmark
    public IntBuffer feedAcceptAndCopy() {
        feed.accept(uiFrame);
        feed.copyTo(copyToPixels);
        return pixels.getBuffer();
    }

    @Benchmark
    public IntBuffer convertIntoPixelBuffer() throws Exception {
        pixelBytes.clear();
        VideoBufferConverter.convertFromI420(frame.buffer, pixelBytes, FourCC.ARGB);
        return pixels.getBuffer();
    }
}

package app.carrel.client.media;

import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import java.nio.ByteBuffer;

/**
 * The average colour of a decoded frame, from a sparse grid of samples (the engine measures a
 * few frames a second, for bots and tests). Converts back with BT.601 limited range, which is what libyuv used to encode it.
 */
public final class FrameColor {

    private static final int STEP = 8;

    private FrameColor() {
    }

    /** Returns 0xRRGGBB. */
    public static int averageRgb(VideoFrameBuffer buffer) {
        I420Buffer i420 = buffer.toI420();
        try {
            return averageOf(i420);
        } finally {
            if (i420 != buffer) {
                i420.release();
            }
        }
    }

    public static String hex(int rgb) {
        return String.format("%06X", rgb & 0xFFFFFF);
    }

    /** Euclidean distance between two 0xRRGGBB colours (0..441). */
    public static double distance(int a, int b) {
        int dr = ((a >> 16) & 0xFF) - ((b >> 16) & 0xFF);
        int dg = ((a >> 8) & 0xFF) - ((b >> 8) & 0xFF);
        int db = (a & 0xFF) - (b & 0xFF);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    private static int averageOf(I420Buffer i420) {
        int w = i420.getWidth();
        int h = i420.getHeight();
        ByteBuffer y = i420.getDataY();
        ByteBuffer u = i420.getDataU();
        ByteBuffer v = i420.getDataV();
        long sumY = 0;
        long sumU = 0;
        long sumV = 0;
        long n = 0;
        for (int row = 0; row < h; row += STEP) {
            for (int col = 0; col < w; col += STEP) {
                sumY += y.get(row * i420.getStrideY() + col) & 0xFF;
                int chroma = (row / 2) * i420.getStrideU() + col / 2;
                sumU += u.get(chroma) & 0xFF;
                sumV += v.get((row / 2) * i420.getStrideV() + col / 2) & 0xFF;
                n++;
            }
        }
        if (n == 0) {
            return 0;
        }
        double yy = 1.164 * (sumY / (double) n - 16);
        double uu = sumU / (double) n - 128;
        double vv = sumV / (double) n - 128;
        int r = clamp(yy + 1.596 * vv);
        int g = clamp(yy - 0.813 * vv - 0.391 * uu);
        int b = clamp(yy + 2.018 * uu);
        return (r << 16) | (g << 8) | b;
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}

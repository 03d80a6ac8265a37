package app.carrel.client.call;

/**
 * What has arrived of one remote video so far. {@code avgRgb} is the average colour (0xRRGGBB)
 * of the last decoded frame; {@code lastFrameNanos} is {@code System.nanoTime()} at its arrival,
 * 0 before the first.
 */
public record VideoReception(long frames, int width, int height, int avgRgb, long lastFrameNanos) {

    public static final VideoReception NONE = new VideoReception(0, 0, 0, 0, 0);

    /** Seconds since the last frame; infinite before the first. */
    public double secondsSinceLastFrame() {
        return lastFrameNanos == 0 ? Double.POSITIVE_INFINITY : (System.nanoTime() - lastFrameNanos) / 1e9;
    }
}

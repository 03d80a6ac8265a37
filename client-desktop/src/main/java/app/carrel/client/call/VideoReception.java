package app.carrel.client.call;

import java.util.function.IntSupplier;

/**
 * What has arrived of one remote video so far. {@code avgRgb} is the average colour (0xRRGGBB)
 * of a recent frame, sampled at {@code colourNanos}; {@code lastFrameNanos} is
 * {@code System.nanoTime()} at the last frame's arrival, 0 before the first.
 */
public record VideoReception(long frames, int width, int height, int avgRgb, long colourNanos,
                             long lastFrameNanos) {

    public static final VideoReception NONE = new VideoReception(0, 0, 0, 0, 0, 0);

    /**
     * Only bots and tests read the colour; sampling it on every frame of every stream would put
     * a {@code toI420()} and thousands of reads on the decoder's path for nothing.
     */
    private static final long COLOUR_EVERY_NANOS = 250_000_000L;

    /** This reception with one more frame, measuring its colour only when the last is stale. */
    VideoReception next(int width, int height, long now, IntSupplier colour) {
        boolean stale = frames == 0 || now - colourNanos >= COLOUR_EVERY_NANOS;
        return new VideoReception(frames + 1, width, height,
                stale ? colour.getAsInt() : avgRgb, stale ? now : colourNanos, now);
    }

    /** Seconds since the last frame; infinite before the first. */
    public double secondsSinceLastFrame() {
        return lastFrameNanos == 0 ? Double.POSITIVE_INFINITY : (System.nanoTime() - lastFrameNanos) / 1e9;
    }
}

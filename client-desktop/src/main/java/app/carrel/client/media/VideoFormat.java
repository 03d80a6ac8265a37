package app.carrel.client.media;

/** A capture size and rate. Real use defaults to 640x480 at 30 fps; tests use less. */
public record VideoFormat(int width, int height, int fps) {

    public static final VideoFormat DEFAULT = new VideoFormat(640, 480, 30);

    public VideoFormat {
        if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("Video size must be even and at least 16x16: " + width + "x" + height);
        }
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("Frame rate must be 1-60: " + fps);
        }
    }
}

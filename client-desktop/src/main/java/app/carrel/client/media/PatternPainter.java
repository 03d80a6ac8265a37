package app.carrel.client.media;

import java.awt.Color;
import java.awt.image.BufferedImage;

/** Draws frame {@code n} of a synthetic camera's picture into its ABGR image (pusher thread only). */
interface PatternPainter {

    void paint(BufferedImage image, long n);

    static PatternPainter of(CameraPattern pattern, VideoFormat format, Color color) {
        return switch (pattern) {
            case FLAT -> new FlatPattern(color);
            case DETAIL -> new DetailPattern(format, color);
        };
    }
}

package app.carrel.client.text;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * What a drawing left on a picture: the pixels unlike the top-left corner (the background),
 * cropped to their bounds, as {width, height, rgb…}; empty when nothing was drawn. Two equal
 * arrays are the same picture wherever it was drawn, e.g. a grapheme and the missing-glyph box.
 */
public final class Ink {

    private Ink() {
    }

    public static int[] of(BufferedImage image) {
        int background = image.getRGB(0, 0);
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != background) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            return new int[0];
        }
        int w = maxX - minX + 1;
        int h = maxY - minY + 1;
        int[] ink = new int[2 + w * h];
        ink[0] = w;
        ink[1] = h;
        image.getRGB(minX, minY, w, h, ink, 2, w);
        return ink;
    }

    public static boolean same(int[] a, int[] b) {
        return Arrays.equals(a, b);
    }
}

package app.carrel.client.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A picture that costs an encoder what a webcam's does: a textured background in the camera's
 * colour (a gradient, blotches and fine detail) that pans slowly with a little hand shake, a few
 * shapes drifting across it, and sensor-like grain that differs in every frame. Everything
 * expensive is made once: per frame it is one pass that copies a window of the texture and adds a
 * window of the grain (about 1 ms at 640x480, see docs/benchmarks.md), then three filled shapes.
 * Deterministic: the same format and colour give the same frames. The texture and grain average
 * to zero around the colour and the shapes are half lighter, half darker, so the picture's average
 * stays the camera's colour (clipping pulls a channel near 0 or 255 in by a few steps).
 */
final class DetailPattern implements PatternPainter {

    /** Grain amplitude in steps of 255: a webcam's noise in indoor light. */
    private static final int GRAIN = 6;
    private static final int GRADIENT = 40;
    private static final int BLOTCHES = 36;
    private static final int FINE = 14;
    private static final int SHAPE_CONTRAST = 60;

    private final int width;
    private final int height;
    private final int pan;
    private final int textureWidth;
    private final byte[] texture;
    // Grain for a frame and a bit more: each frame reads it from a new, random row.
    private final byte[] grain;
    private final int grainRows;
    private final SplittableRandom frames = new SplittableRandom(7);
    private final int fps;
    private final Color lighter;
    private final Color darker;

    DetailPattern(VideoFormat format, Color color) {
        this.width = format.width();
        this.height = format.height();
        this.fps = format.fps();
        this.pan = Math.max(8, width / 10);
        this.textureWidth = width + 2 * pan;
        this.texture = texture(textureWidth, height + 2 * pan, pan, color);
        this.grainRows = height + height / 2;
        this.grain = grain(width * grainRows);
        this.lighter = shade(color, SHAPE_CONTRAST);
        this.darker = shade(color, -SHAPE_CONTRAST);
    }

    @Override
    public void paint(BufferedImage image, long n) {
        byte[] out = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        double t = n / (double) fps;
        // A slow pan over the texture, and a pixel or two of shake as a hand-held laptop has.
        int x0 = pan + (int) Math.round(pan * 0.8 * Math.sin(t * 2 * Math.PI / 9)) + frames.nextInt(-1, 2);
        int y0 = pan + (int) Math.round(pan * 0.6 * Math.sin(t * 2 * Math.PI / 13)) + frames.nextInt(-1, 2);
        int grainRow = frames.nextInt(grainRows - height + 1);
        for (int y = 0; y < height; y++) {
            int src = ((y0 + y) * textureWidth + x0) * 4;
            int dst = y * width * 4;
            int noise = (grainRow + y) * width;
            for (int x = 0; x < width; x++, src += 4, dst += 4) {
                int d = grain[noise + x];
                out[dst] = (byte) 0xFF;
                out[dst + 1] = clip((texture[src + 1] & 0xFF) + d);
                out[dst + 2] = clip((texture[src + 2] & 0xFF) + d);
                out[dst + 3] = clip((texture[src + 3] & 0xFF) + d);
            }
        }
        Graphics2D g = image.createGraphics();
        try {
            // Something like a head and shoulders bobbing, and a hand passing now and then.
            int r = height / 5;
            int cx = width / 2 + (int) (width / 12 * Math.sin(t * 2 * Math.PI / 5));
            int cy = height / 2 + (int) (height / 20 * Math.sin(t * 2 * Math.PI / 3));
            g.setColor(darker);
            g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
            g.fillRoundRect(cx - 2 * r, cy + r, 4 * r, height, r, r);
            g.setColor(lighter);
            int hx = (int) ((t * width / 4) % (width + 2 * r)) - r;
            g.fillOval(hx, height / 5, r + r / 2, r);
            g.fillRect(width - hx - r, height - r - r / 2, 2 * r, r);
        } finally {
            g.dispose();
        }
    }

    /** ABGR texture: the colour plus a diagonal gradient, soft blotches and fine detail. */
    private static byte[] texture(int w, int h, int pan, Color color) {
        Random random = new Random(42);
        int cell = Math.max(8, pan);
        int cw = w / cell + 2;
        int ch = h / cell + 2;
        float[] coarse = new float[cw * ch];
        for (int i = 0; i < coarse.length; i++) {
            coarse[i] = random.nextFloat() * 2 - 1;
        }
        byte[] abgr = new byte[w * h * 4];
        int[] rgb = {color.getBlue(), color.getGreen(), color.getRed()};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double gradient = GRADIENT * ((x / (double) w + y / (double) h) - 1);
                double blotch = BLOTCHES * smooth(coarse, cw, x / (double) cell, y / (double) cell);
                double fine = FINE * (random.nextFloat() * 2 - 1);
                int offset = (int) Math.round(gradient + blotch + fine);
                int i = (y * w + x) * 4;
                abgr[i] = (byte) 0xFF;
                for (int c = 0; c < 3; c++) {
                    abgr[i + 1 + c] = clip(rgb[c] + offset);
                }
            }
        }
        return abgr;
    }

    /** Bilinear value noise over the coarse grid, smoothed so blotches have soft edges. */
    private static double smooth(float[] grid, int cw, double gx, double gy) {
        int ix = (int) gx;
        int iy = (int) gy;
        double fx = gx - ix;
        double fy = gy - iy;
        fx = fx * fx * (3 - 2 * fx);
        fy = fy * fy * (3 - 2 * fy);
        double top = grid[iy * cw + ix] * (1 - fx) + grid[iy * cw + ix + 1] * fx;
        double bottom = grid[(iy + 1) * cw + ix] * (1 - fx) + grid[(iy + 1) * cw + ix + 1] * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private static byte[] grain(int n) {
        Random random = new Random(99);
        byte[] grain = new byte[n];
        for (int i = 0; i < n; i++) {
            grain[i] = (byte) (random.nextInt(2 * GRAIN + 1) - GRAIN);
        }
        return grain;
    }

    private static Color shade(Color c, int by) {
        return new Color(clip(c.getRed() + by) & 0xFF, clip(c.getGreen() + by) & 0xFF, clip(c.getBlue() + by) & 0xFF);
    }

    private static byte clip(int value) {
        return (byte) (value < 0 ? 0 : Math.min(value, 255));
    }
}

package app.carrel.client.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** One colour and a small darker square sweeping across: motion without moving the average much. */
final class FlatPattern implements PatternPainter {

    private final Color color;
    private final Color square;

    FlatPattern(Color color) {
        this.color = color;
        this.square = color.darker();
    }

    @Override
    public void paint(BufferedImage image, long n) {
        int w = image.getWidth();
        int h = image.getHeight();
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(color);
            g.fillRect(0, 0, w, h);
            int size = Math.max(8, h / 8);
            int x = (int) ((n * 4) % Math.max(1, w - size));
            g.setColor(square);
            g.fillRect(x, h - size - 4, size, size);
        } finally {
            g.dispose();
        }
    }
}

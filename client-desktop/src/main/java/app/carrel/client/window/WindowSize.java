package app.carrel.client.window;

import javafx.geometry.Rectangle2D;

/**
 * The main window's size: the remembered one, never larger than the screen's usable area (a
 * window taller than the screen opened cut off under a window manager) nor smaller than the
 * room's header, tiles and controls need.
 */
public final class WindowSize {

    public static final double MIN_WIDTH = 720;
    public static final double MIN_HEIGHT = 480;

    private WindowSize() {
    }

    /** {@code wanted} = {width, height}; the result fits {@code screen} and the minimum. */
    public static double[] fitted(double[] wanted, Rectangle2D screen) {
        double width = Math.max(MIN_WIDTH, Math.min(wanted[0], screen.getWidth()));
        double height = Math.max(MIN_HEIGHT, Math.min(wanted[1], screen.getHeight()));
        return new double[] {width, height};
    }
}

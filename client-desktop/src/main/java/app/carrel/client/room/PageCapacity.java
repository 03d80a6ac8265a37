package app.carrel.client.room;

/**
 * How many tiles one page holds in the space the grid has: {@code grid} in the even grid,
 * {@code strip} in the strip beside (or below) a tile on the stage. Also the grid's geometry,
 * so the layout and the page size cannot disagree. Plain Java: decided without JavaFX.
 */
record PageCapacity(int grid, int strip) {

    static final double GAP = 8;
    // Cameras (and the synthetic one) send 4:3 by default; wider video is letterboxed.
    static final double ASPECT = 4.0 / 3.0;
    // Below this a tile's bottom bar (name, mic and camera badges) no longer fits beside a
    // face. At the smallest window (720×480, chat open) it still leaves room for the 3×3 a
    // full mesh room of 8 needs, so mesh rooms do not page.
    static final double MIN_TILE_WIDTH = 128;
    // At most 4×4: each visible tile is a decoder (and, in a hall, a stream we pay for).
    static final int MAX_SIDE = 4;
    // The strip beside the stage: this share of the width (or height), within these bounds,
    // and its tiles no shorter than 84 px (112 wide): a name still fits beside the connection
    // dot (at 64 px every name was "…" in the app), and seven others beside a shared screen
    // still fit one page at 1280×800.
    static final double STRIP_SHARE = 0.2;
    static final double STRIP_MIN = 140;
    static final double STRIP_MAX = 260;
    static final double MIN_STRIP_TILE_HEIGHT = 84;
    /** Until the grid has measured itself. */
    static final PageCapacity DEFAULT = new PageCapacity(9, 8);

    PageCapacity {
        if (grid < 1 || strip < 1) {
            throw new IllegalArgumentException("A page holds at least one tile: " + grid + ", " + strip);
        }
    }

    /** For a grid of this content size (insets already taken off). */
    static PageCapacity of(double width, double height) {
        int cols = Math.min(MAX_SIDE, fit(width, MIN_TILE_WIDTH));
        int rows = Math.min(MAX_SIDE, fit(height, MIN_TILE_WIDTH / ASPECT));
        boolean beside = stripBeside(width, height);
        int strip = fit(beside ? height : width, beside ? MIN_STRIP_TILE_HEIGHT : MIN_STRIP_TILE_HEIGHT * ASPECT);
        return new PageCapacity(cols * rows, Math.min(strip, MAX_SIDE * MAX_SIDE - 1));
    }

    /** A wide grid puts the strip to the right of the stage, a tall one below it. */
    static boolean stripBeside(double width, double height) {
        return width >= height;
    }

    /** The strip's thickness (its width beside the stage, its height below it). */
    static double strip(double width, double height) {
        double along = stripBeside(width, height) ? width : height;
        return Math.floor(Math.max(STRIP_MIN, Math.min(STRIP_MAX, along * STRIP_SHARE)));
    }

    private static int fit(double space, double tile) {
        return Math.max(1, (int) Math.floor((space + GAP) / (tile + GAP)));
    }
}

package app.carrel.client.media;

import java.util.Locale;

/**
 * What the synthetic camera draws. {@code FLAT} (the default, and what tests use) is a flat colour
 * with a small moving square: VP8 sends it for ~150 kbit/s at 640x480@30, far below a real
 * camera's 1-2 Mbit/s, so bandwidth and encoder benchmarks need {@code DETAIL}, which has a real
 * picture's texture, motion and grain. Both keep the colour, so receivers still tell senders
 * apart by the average colour.
 */
public enum CameraPattern {
    FLAT,
    DETAIL;

    /** The lower-case name the bot's --pattern takes. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CameraPattern of(String label) {
        return valueOf(label.strip().toUpperCase(Locale.ROOT));
    }
}

package app.carrel.client.bot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Camera colours for bots run together: the first is the one asked for, the others keep its
 * saturation and brightness and sit at equal steps round the hue circle, as far apart as n
 * colours can be, so receivers tell them apart by average colour.
 */
final class HueSpread {

    private HueSpread() {
    }

    static List<Color> of(Color first, int n) {
        float[] hsb = Color.RGBtoHSB(first.getRed(), first.getGreen(), first.getBlue(), null);
        List<Color> colors = new ArrayList<>(n);
        colors.add(first); // exactly as given, not through HSB and back
        for (int i = 1; i < n; i++) {
            colors.add(Color.getHSBColor(hsb[0] + i / (float) n, hsb[1], hsb[2]));
        }
        return colors;
    }
}

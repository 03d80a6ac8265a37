package app.carrel.client.media;

import app.carrel.client.text.Graphemes;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.text.AttributedString;
import java.util.List;

/**
 * A name as the synthetic camera draws it into the video. Each grapheme gets the first font that
 * has all its glyphs: the given one, else an installed family that does (a JDK whose logical
 * fonts do not reach the CJK font would otherwise draw 강용민 as boxes). {@link TextLayout}
 * orders the runs, so Arabic and Hebrew read right to left; a name too wide for the picture is
 * cut between graphemes and ends in "…".
 */
final class NameText {

    private NameText() {
    }

    /** {@code name} laid out in {@code font} and its fallbacks, at most {@code maxWidth} wide; null for "". */
    static TextLayout layout(String name, Font font, FontRenderContext frc, float maxWidth) {
        List<String> graphemes = Graphemes.of(name);
        for (int keep = graphemes.size(); keep >= 0; keep--) {
            String text = Graphemes.cut(name, keep);
            if (text.isEmpty()) {
                return null;
            }
            TextLayout layout = new TextLayout(styled(text, font).getIterator(), frc);
            if (layout.getAdvance() <= maxWidth || keep == 0) {
                return layout;
            }
        }
        throw new AssertionError("unreachable");
    }

    /** {@code text} with a font on every grapheme, {@code font} wherever it has the glyphs. */
    static AttributedString styled(String text, Font font) {
        AttributedString styled = new AttributedString(text);
        int at = 0;
        for (String grapheme : Graphemes.of(text)) {
            styled.addAttribute(TextAttribute.FONT, fontFor(grapheme, font), at, at + grapheme.length());
            at += grapheme.length();
        }
        return styled;
    }

    private static Font fontFor(String grapheme, Font font) {
        if (font.canDisplayUpTo(grapheme) == -1) {
            return font;
        }
        for (String family : Installed.FAMILIES) {
            Font other = new Font(family, font.getStyle(), font.getSize());
            if (other.canDisplayUpTo(grapheme) == -1) {
                return other;
            }
        }
        // No installed font has it: the box at least shows that something is there.
        return font;
    }

    // Listing the families opens every font file once; only a name that needs them pays for it.
    private static final class Installed {
        static final String[] FAMILIES =
                GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
    }
}

package app.carrel.client.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.text.Graphemes;
import app.carrel.client.text.Ink;
import app.carrel.client.text.WorldNames;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.text.AttributedCharacterIterator;
import org.junit.jupiter.api.Test;

/**
 * The synthetic camera's names in every script: each grapheme is drawn in a font that has its
 * glyphs (and what it draws is not that font's missing-glyph box), Arabic reads right to left,
 * and a name too long for the picture is cut between graphemes.
 */
class NameTextTest {

    private static final BufferedImage FRAME = new BufferedImage(640, 480, BufferedImage.TYPE_4BYTE_ABGR);

    @Test
    void everyNameIsDrawnInFontsThatHaveItsGlyphs() {
        Font camera = new Font(Font.SANS_SERIF, Font.BOLD, FRAME.getHeight() / 12);
        for (String name : WorldNames.ALL) {
            assertNotNull(SyntheticCamera.layoutName(FRAME, name), name);
            assertEveryGraphemeDrawn(name, camera);
        }
    }

    @Test
    void aFontWithoutTheGlyphsFallsBackToOneThatHasThem() {
        // DejaVu Sans (fonts-dejavu-core) has Arabic but neither Hangul nor Kana nor emoji.
        Font latin = new Font("DejaVu Sans", Font.BOLD, 40);
        assertEquals("DejaVu Sans", latin.getFamily(), "fonts-dejavu-core is not installed");
        for (String name : WorldNames.ALL) {
            assertEveryGraphemeDrawn(name, latin);
        }
    }

    @Test
    void arabicReadsRightToLeft() {
        TextLayout layout = SyntheticCamera.layoutName(FRAME, "ليلى");
        assertFalse(layout.isLeftToRight());
        // The first letter typed is the rightmost one drawn.
        double first = layout.getLogicalHighlightShape(0, 1).getBounds2D().getCenterX();
        double last = layout.getLogicalHighlightShape(3, 4).getBounds2D().getCenterX();
        assertTrue(first > last, "ل at x=" + first + " is not right of ى at x=" + last);
    }

    @Test
    void aNameTooWideForThePictureIsCutBetweenGraphemes() {
        BufferedImage small = new BufferedImage(160, 120, BufferedImage.TYPE_4BYTE_ABGR);
        String name = "👩🏽‍💻👩🏽‍💻 알고리즘 스터디 강용민 さくら";
        TextLayout layout = SyntheticCamera.layoutName(small, name);
        assertTrue(layout.getAdvance() <= 160 - 12, "wider than the picture: " + layout.getAdvance());
        int drawn = layout.getCharacterCount();
        boolean whole = false;
        for (int keep = 0; keep < Graphemes.of(name).size(); keep++) {
            whole |= Graphemes.cut(name, keep).length() == drawn;
        }
        assertTrue(whole, drawn + " chars of " + name + " are not whole graphemes and an ellipsis");
    }

    /** Each run's font has every glyph of it, and draws each grapheme as something other than its box. */
    private static void assertEveryGraphemeDrawn(String name, Font font) {
        AttributedCharacterIterator runs = NameText.styled(name, font).getIterator();
        FontRenderContext frc = new FontRenderContext(null, true, true);
        for (char c = runs.first(); c != AttributedCharacterIterator.DONE; c = runs.setIndex(runs.getRunLimit())) {
            Font used = (Font) runs.getAttribute(TextAttribute.FONT);
            String run = name.substring(runs.getRunStart(), runs.getRunLimit());
            assertEquals(-1, used.canDisplayUpTo(run), name + ": " + used.getFontName() + " lacks a glyph of " + run);
            for (String grapheme : Graphemes.of(run)) {
                if (grapheme.isBlank()) {
                    continue;
                }
                int[] drawn = ink(new TextLayout(grapheme, used, frc));
                int[] box = ink(used.createGlyphVector(frc, new int[] {used.getMissingGlyphCode()}));
                assertTrue(drawn.length > 0, name + ": " + grapheme + " draws nothing in " + used.getFontName());
                assertFalse(Ink.same(drawn, box), name + ": " + grapheme + " is a box in " + used.getFontName());
            }
        }
    }

    /** The pixels a drawing covers, cropped to them: equal arrays are equal pictures. */
    private static int[] ink(Object text) {
        BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        if (text instanceof TextLayout layout) {
            layout.draw(g, 50, 120);
        } else {
            g.drawGlyphVector((GlyphVector) text, 50, 120);
        }
        g.dispose();
        return Ink.of(image);
    }
}

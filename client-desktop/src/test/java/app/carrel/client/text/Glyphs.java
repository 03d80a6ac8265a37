package app.carrel.client.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Whether JavaFX draws a text node's glyphs. JavaFX has no canDisplay and falls back through
 * fontconfig on its own (and through Pango for emoji sequences, to a colour font it cannot draw),
 * so the node's font says little: each grapheme is drawn in it and compared with what that font
 * draws for a code point no font has (U+FFFF), the missing-glyph box. FX thread only.
 */
public final class Glyphs {

    private Glyphs() {
    }

    /** The {@code Text} a label draws (after CSS and layout) shows {@code expected}, every grapheme a glyph. */
    public static void assertDrawn(Node labeled, String expected) {
        Text text = (Text) labeled.lookup(".text");
        assertNotNull(text, "no text node in " + labeled);
        assertEquals(expected, text.getText(), "shortened or another text");
        Font font = text.getFont();
        int[] box = ink("\uFFFF", font);
        assertTrue(box.length > 0, font + " draws no box for U+FFFF: the check would be blind");
        for (String grapheme : Graphemes.of(expected)) {
            if (grapheme.isBlank()) {
                continue;
            }
            int[] drawn = ink(grapheme, font);
            assertTrue(drawn.length > 0, expected + ": " + grapheme + " draws nothing in " + font);
            assertFalse(Ink.same(drawn, box), expected + ": " + grapheme + " is a missing-glyph box in " + font);
        }
    }

    private static int[] ink(String s, Font font) {
        Text text = new Text(s);
        text.setFont(font);
        text.setFill(Color.BLACK);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        // A margin, so the corner Ink takes for background is never a glyph's.
        StackPane padded = new StackPane(text);
        padded.setPadding(new Insets(4));
        return Ink.of(SwingFXUtils.fromFXImage(padded.snapshot(params, null), null));
    }
}

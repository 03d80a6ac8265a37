package app.carrel.client.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text as people see it: graphemes (a Hangul syllable, "é" from e + U+0301, a flag, a skin-toned
 * emoji, "👩🏽‍💻" from four code points joined by U+200D), so that shortening a name never leaves
 * half a character. A leaf: it knows no other package.
 *
 * <p>Java 17's {@code BreakIterator} splits emoji sequences (👩|🏽|ZWJ|💻, 🇰|🇷) and its regex
 * {@code \X} splits Devanagari conjuncts (स्|ते), so we break only where both agree.
 */
public final class Graphemes {

    private static final Pattern CLUSTER = Pattern.compile("\\X");

    private Graphemes() {
    }

    /** The graphemes of {@code text}, in order. */
    public static List<String> of(String text) {
        boolean[] legacy = new boolean[text.length() + 1];
        BreakIterator characters = BreakIterator.getCharacterInstance();
        characters.setText(text);
        for (int at = characters.first(); at != BreakIterator.DONE; at = characters.next()) {
            legacy[at] = true;
        }
        List<String> graphemes = new ArrayList<>();
        int start = 0;
        Matcher m = CLUSTER.matcher(text);
        while (m.find()) {
            if (legacy[m.end()]) {
                graphemes.add(text.substring(start, m.end()));
                start = m.end();
            }
        }
        if (start < text.length()) {
            graphemes.add(text.substring(start));
        }
        return graphemes;
    }

    /** The first grapheme, or "" for empty text. */
    public static String first(String text) {
        List<String> all = of(text);
        return all.isEmpty() ? "" : all.get(0);
    }

    /** {@code text} if it has at most {@code max} graphemes, else its first {@code max} and "…". */
    public static String cut(String text, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max < 0: " + max);
        }
        List<String> all = of(text);
        return all.size() <= max ? text : String.join("", all.subList(0, max)) + "…";
    }
}

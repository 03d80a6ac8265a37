package app.carrel.client.room;

/** A session goal as the contract takes it: one line, stripped, at most {@link #MAX} code points. */
public final class Goals {

    public static final int MAX = 140;

    private Goals() {
    }

    /** Stripped, line breaks as spaces, cut at {@link #MAX}; null reads as "". */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        if (line.codePointCount(0, line.length()) > MAX) {
            line = line.substring(0, line.offsetByCodePoints(0, MAX)).strip();
        }
        return line;
    }
}

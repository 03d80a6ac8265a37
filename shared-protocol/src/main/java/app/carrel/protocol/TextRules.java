package app.carrel.protocol;

/**
 * The contract's text limits, shared so a client can tell a person what is wrong before the
 * server does. Limits count Unicode code points; names are stripped first.
 */
public final class TextRules {
    public static final int MAX_MESSAGE_BYTES = 65_536;
    public static final int MAX_ID = 64;
    public static final int MAX_NAME = 40;
    public static final int MAX_ROOM_NAME = 60;
    public static final int MAX_CHAT = 2000;
    public static final int MIN_CAPACITY = 2;
    public static final int MAX_TIMER_SECONDS = 7200;
    /** Study features: a session goal, once stripped. */
    public static final int MAX_GOAL = 140;
    /** Study features: a room's long break comes after this many focus phases at least… */
    public static final int MIN_LONG_BREAK_EVERY = 2;
    /** …and at most this many. */
    public static final int MAX_LONG_BREAK_EVERY = 8;
    public static final int MIN_LONG_BREAK_SECONDS = 60;
    public static final int MAX_LONG_BREAK_SECONDS = 3600;
    public static final int DEFAULT_LONG_BREAK_SECONDS = 900;

    private TextRules() {
    }

    /** The stripped display name, or {@code null} when it breaks the rules. */
    public static String displayName(String raw) {
        return strippedWithin(raw, MAX_NAME);
    }

    /** The stripped room name, or {@code null} when it breaks the rules. */
    public static String roomName(String raw) {
        return strippedWithin(raw, MAX_ROOM_NAME);
    }

    /**
     * The stripped session goal, {@code ""} for none, or {@code null} when it breaks the rules
     * (over {@link #MAX_GOAL} code points, or a control character: a goal is one line).
     */
    public static String goal(String raw) {
        String stripped = raw.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_GOAL || hasControl(stripped)) {
            return null;
        }
        return stripped;
    }

    /** Chat text is kept as typed: 1–2000 code points. */
    public static boolean validChat(String text) {
        int length = text.codePointCount(0, text.length());
        return length >= 1 && length <= MAX_CHAT;
    }

    public static boolean validId(String id) {
        return id.codePointCount(0, id.length()) <= MAX_ID;
    }

    private static String strippedWithin(String raw, int max) {
        String stripped = raw.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length < 1 || length > max || hasControl(stripped)) {
            return null;
        }
        return stripped;
    }

    private static boolean hasControl(String s) {
        return s.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL);
    }
}

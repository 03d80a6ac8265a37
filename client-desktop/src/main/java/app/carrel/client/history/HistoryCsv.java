package app.carrel.client.history;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The history as CSV (RFC 4180): a header row, one row per session, CRLF line ends, every field
 * that holds a comma, a quote, a line break or leading/trailing space quoted with its quotes
 * doubled. Times are local with their offset (ISO 8601), results are stable words
 * ({@code done}, {@code partly}, {@code not-yet}) whatever the app's language. Written as UTF-8
 * with a byte-order mark: without it, spreadsheet programs on Windows read Korean as mojibake.
 */
public final class HistoryCsv {

    public static final String BOM = "\uFEFF";
    private static final List<String> HEADER = List.of("room_id", "room", "server", "started", "ended",
            "focus_minutes", "goal", "check_in", "note");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private HistoryCsv() {
    }

    /** The whole file's text, the BOM first; {@code sessions} in the order given. */
    public static String write(List<FocusSession> sessions, ZoneId zone) {
        StringBuilder out = new StringBuilder(BOM);
        row(out, HEADER);
        for (FocusSession s : sessions) {
            row(out, List.of(s.roomId(), s.roomName(), s.server(), time(s.start(), zone), time(s.end(), zone),
                    Long.toString(s.focusMinutes()), nullToEmpty(s.goal()),
                    s.checkIn() == null ? "" : s.checkIn().result().wire(),
                    s.checkIn() == null ? "" : s.checkIn().note()));
        }
        return out.toString();
    }

    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || !value.equals(value.strip());
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    private static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone).withNano(0));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

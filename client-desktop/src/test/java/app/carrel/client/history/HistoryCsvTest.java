package app.carrel.client.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV a spreadsheet reads back field for field. */
class HistoryCsvTest {

    @Test
    void fieldsWithCommasQuotesAndLineBreaksAreQuotedOthersAreNot() {
        assertEquals("plain", HistoryCsv.field("plain"));
        assertEquals("\"a, b\"", HistoryCsv.field("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", HistoryCsv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", HistoryCsv.field("two\nlines"));
        assertEquals("\"cr\r\"", HistoryCsv.field("cr\r"));
        assertEquals("\" padded\"", HistoryCsv.field(" padded"));
        assertEquals("수학 문제", HistoryCsv.field("수학 문제"));
    }

    @Test
    void aSessionIsOneRowWithLocalTimesAndStableWords() {
        Instant start = Instant.parse("2026-12-04T00:30:00Z");
        FocusSession s = new FocusSession(1, "r-1", "Algo, 2", "ws://127.0.0.1:7000/signal", start,
                start.plusSeconds(3600), 1500, "Chapter \"3\"\n알고리즘", new CheckIn(CheckIn.Result.NOT_YET, "쉼표, 따옴표 \""));
        FocusSession open = new FocusSession(2, "r-2", "Quiet", "ws://h/signal", start, null, 29, null, null);
        String csv = HistoryCsv.write(List.of(s, open), ZoneId.of("Asia/Seoul"));
        assertTrue(csv.startsWith(HistoryCsv.BOM));
        assertEquals(HistoryCsv.BOM + "room_id,room,server,started,ended,focus_minutes,goal,check_in,note\r\n"
                + "r-1,\"Algo, 2\",ws://127.0.0.1:7000/signal,2026-12-04T09:30:00+09:00,2026-12-04T10:30:00+09:00,25,"
                + "\"Chapter \"\"3\"\"\n알고리즘\",not-yet,\"쉼표, 따옴표 \"\"\"\r\n"
                + "r-2,Quiet,ws://h/signal,2026-12-04T09:30:00+09:00,,0,,,\r\n", csv);
    }
}

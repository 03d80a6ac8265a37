package app.carrel.client.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Days, streaks and totals from stretches, standing at chosen midnights and time zones. */
class FocusStatsTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    private static FocusStretch stretch(ZoneId zone, String from, String to) {
        return new FocusStretch(at(zone, from), at(zone, to));
    }

    @Test
    void aStretchAcrossMidnightCountsOnBothDays() {
        Map<LocalDate, Long> days = FocusStats.secondsPerDay(
                List.of(stretch(SEOUL, "2026-12-03T23:40", "2026-12-04T00:25")), SEOUL);
        assertEquals(Map.of(LocalDate.parse("2026-12-03"), 20 * 60L, LocalDate.parse("2026-12-04"), 25 * 60L), days);
    }

    @Test
    void theSameStretchFallsOnTheDayOfTheLocalTimeZone() {
        // 23:40–00:25 in Seoul is mid-afternoon in Berlin: one day there.
        Map<LocalDate, Long> days = FocusStats.secondsPerDay(
                List.of(stretch(SEOUL, "2026-12-03T23:40", "2026-12-04T00:25")), BERLIN);
        assertEquals(Map.of(LocalDate.parse("2026-12-03"), 45 * 60L), days);
    }

    @Test
    void aNightWhenTheClocksGoBackHasItsRealLength() {
        // Berlin, 25 Oct 2026: 03:00 summer time becomes 02:00; 01:30–03:30 local is 3 hours.
        Map<LocalDate, Long> days = FocusStats.secondsPerDay(
                List.of(stretch(BERLIN, "2026-10-25T01:30", "2026-10-25T03:30")), BERLIN);
        assertEquals(Map.of(LocalDate.parse("2026-10-25"), 3 * 3600L), days);
    }

    @Test
    void theStreakRunsBackFromTodayOrFromYesterdayWhileTodayHasNoneYet() {
        LocalDate today = LocalDate.parse("2026-12-04");
        Map<LocalDate, Long> threeDaysToYesterday = Map.of(today.minusDays(1), 600L, today.minusDays(2), 60L,
                today.minusDays(3), 3000L, today.minusDays(5), 3000L);
        assertEquals(3, FocusStats.streak(threeDaysToYesterday, today), "this morning keeps yesterday's streak");
        Map<LocalDate, Long> andToday = new java.util.HashMap<>(threeDaysToYesterday);
        andToday.put(today, 120L);
        assertEquals(4, FocusStats.streak(andToday, today));
        assertEquals(0, FocusStats.streak(Map.of(today.minusDays(2), 600L), today), "a day missed breaks it");
        assertEquals(0, FocusStats.streak(Map.of(today, 29L), today), "under half a minute is not a day of focus");
        assertEquals(1, FocusStats.streak(Map.of(today, 59L), today), "a one-minute phase seen as 59 s is");
    }

    @Test
    void theChartHasEveryDayOfFourWeeksWithZerosAndTheTotalsAddUp() {
        LocalDate today = LocalDate.parse("2026-12-04"); // a Friday
        List<FocusStretch> stretches = List.of(
                stretch(SEOUL, "2026-12-04T09:00", "2026-12-04T09:25"),
                stretch(SEOUL, "2026-11-30T10:00", "2026-11-30T10:50"), // Monday this week
                stretch(SEOUL, "2026-11-29T10:00", "2026-11-29T10:30"), // Sunday, last week
                stretch(SEOUL, "2026-10-01T10:00", "2026-10-01T11:00")); // before the chart
        FocusStats.Summary summary = FocusStats.summarize(stretches, List.of(), today, SEOUL, DayOfWeek.MONDAY, 28, 10);
        assertEquals(28, summary.days().size());
        assertEquals(LocalDate.parse("2026-11-07"), summary.days().get(0).date());
        assertEquals(new FocusStats.Day(today, 25), summary.days().get(27));
        assertEquals(new FocusStats.Day(LocalDate.parse("2026-11-30"), 50), summary.days().get(23));
        assertEquals(0, summary.days().get(26).minutes(), "Thursday had no focus: a zero bar");
        assertEquals(75, summary.weekMinutes(), "Monday and today, not last Sunday");
        assertEquals(165, summary.totalMinutes());
        assertEquals(1, summary.streak());
        FocusStats.Summary sundayFirst = FocusStats.summarize(stretches, List.of(), today, SEOUL, DayOfWeek.SUNDAY, 28, 10);
        assertEquals(105, sundayFirst.weekMinutes(), "a week that starts on Sunday takes it in");
    }
}

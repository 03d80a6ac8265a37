package app.carrel.client.history;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the "My focus" page shows, worked out from the stored stretches and sessions. Pure: the
 * day, the time zone and the week's first day come in, so tests can stand at any midnight.
 *
 * <p>Days are local days in {@code zone}; a stretch across midnight is split there. Minutes are
 * rounded (a one-minute phase seen from here lasts 59.9 s). A day counts for the streak once it
 * shows a focus minute. The streak runs back from today, or
 * from yesterday while today has no focus yet: a morning does not break yesterday's streak.
 */
public final class FocusStats {

    /** One bar of the chart. */
    public record Day(LocalDate date, long minutes) {
    }

    public record Summary(List<Day> days, int streak, long weekMinutes, long totalMinutes, int sessions,
                          List<FocusSession> recent) {
    }

    private FocusStats() {
    }

    /**
     * @param stretches every stored focus stretch (the streak may reach back past the chart)
     * @param sessions  every session, newest first
     * @param chartDays how many days the chart shows, ending today
     * @param recent    how many sessions the recent list shows
     */
    public static Summary summarize(List<FocusStretch> stretches, List<FocusSession> sessions, LocalDate today,
                                    ZoneId zone, DayOfWeek weekStart, int chartDays, int recent) {
        Map<LocalDate, Long> seconds = secondsPerDay(stretches, zone);
        List<Day> days = new ArrayList<>();
        for (LocalDate d = today.minusDays(chartDays - 1L); !d.isAfter(today); d = d.plusDays(1)) {
            days.add(new Day(d, minutes(seconds.getOrDefault(d, 0L))));
        }
        LocalDate weekFrom = today.with(TemporalAdjusters.previousOrSame(weekStart));
        long week = seconds.entrySet().stream()
                .filter(e -> !e.getKey().isBefore(weekFrom) && !e.getKey().isAfter(today))
                .mapToLong(Map.Entry::getValue).sum();
        long total = stretches.stream().mapToLong(FocusStretch::seconds).sum();
        return new Summary(days, streak(seconds, today), minutes(week), minutes(total), sessions.size(),
                sessions.subList(0, Math.min(recent, sessions.size())));
    }

    /** Seconds as the minutes shown, rounded to the nearest. */
    public static long minutes(long seconds) {
        return (seconds + 30) / 60;
    }

    /** Focus seconds on each local day, stretches split at local midnight (DST included). */
    static Map<LocalDate, Long> secondsPerDay(List<FocusStretch> stretches, ZoneId zone) {
        Map<LocalDate, Long> perDay = new TreeMap<>();
        for (FocusStretch s : stretches) {
            Instant at = s.start();
            while (at.isBefore(s.end())) {
                LocalDate day = at.atZone(zone).toLocalDate();
                Instant midnight = day.plusDays(1).atStartOfDay(zone).toInstant();
                Instant until = midnight.isBefore(s.end()) ? midnight : s.end();
                perDay.merge(day, until.getEpochSecond() - at.getEpochSecond(), Long::sum);
                at = until;
            }
        }
        return perDay;
    }

    /** Consecutive days with a focus minute, up to today, or up to yesterday if today has none yet. */
    static int streak(Map<LocalDate, Long> secondsPerDay, LocalDate today) {
        LocalDate day = counts(secondsPerDay, today) ? today : today.minusDays(1);
        int streak = 0;
        while (counts(secondsPerDay, day)) {
            streak++;
            day = day.minusDays(1);
        }
        return streak;
    }

    private static boolean counts(Map<LocalDate, Long> secondsPerDay, LocalDate day) {
        return minutes(secondsPerDay.getOrDefault(day, 0L)) >= 1;
    }
}

package app.carrel.client.history;

import app.carrel.client.NoLeaksExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The history on a real SQLite file: recorded, closed, opened again, read back. */
@ExtendWith(NoLeaksExtension.class)
class FocusHistoryTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @TempDir
    Path dir;

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SEOUL).toInstant();
    }

    @Test
    void sessionsSurviveReopeningWithTheirFocusGoalAndCheckIn() throws Exception {
        Path file = dir.resolve("data/focus-history.sqlite");
        try (FocusHistory history = FocusHistory.open(file)) {
            long first = history.startSession("r-1", "Algorithms", "ws://127.0.0.1:7000/signal", at("2026-12-03T23:30"));
            history.recordGoal(first, "  Chapter 3, exercises  ");
            history.addFocus(first, new FocusStretch(at("2026-12-03T23:40"), at("2026-12-04T00:05")));
            history.recordCheckIn(first, new CheckIn(CheckIn.Result.PARTLY, "두 문제 남음"));
            history.endSession(first, at("2026-12-04T00:10"));
            long second = history.startSession("r-2", "조용한 방", "ws://127.0.0.1:7000/signal", at("2026-12-04T09:00"));
            history.addFocus(second, new FocusStretch(at("2026-12-04T09:00"), at("2026-12-04T09:25")));
            history.addFocus(second, new FocusStretch(at("2026-12-04T09:30"), at("2026-12-04T09:40")));
        }
        try (FocusHistory reopened = FocusHistory.open(file)) {
            List<FocusSession> sessions = reopened.sessions();
            assertEquals(2, sessions.size());
            FocusSession newest = sessions.get(0);
            assertEquals("조용한 방", newest.roomName());
            assertEquals(35 * 60, newest.focusSeconds());
            assertNull(newest.end(), "the app stopped before this one ended: no end time, minutes kept");
            assertNull(newest.checkIn());
            FocusSession older = sessions.get(1);
            assertEquals("Chapter 3, exercises", older.goal());
            assertEquals(new CheckIn(CheckIn.Result.PARTLY, "두 문제 남음"), older.checkIn());
            assertEquals(at("2026-12-04T00:10"), older.end());
            assertEquals(25, older.focusMinutes());

            FocusStats.Summary summary = FocusStats.summarize(reopened.stretchesSince(Instant.EPOCH), sessions,
                    LocalDate.parse("2026-12-04"), SEOUL, DayOfWeek.MONDAY, 28, 10);
            assertEquals(20, summary.days().get(26).minutes(), "23:40–24:00 on the 3rd");
            assertEquals(5 + 25 + 10, summary.days().get(27).minutes(), "the rest after midnight, and the morning");
            assertEquals(2, summary.streak(), "the 3rd and the 4th");
            assertEquals(2, summary.sessions());
        }
    }

    @Test
    void aCheckInReplacesTheLastAndAnEmptyNoteIsNone() throws Exception {
        try (FocusHistory history = FocusHistory.open(dir.resolve("h.sqlite"))) {
            long id = history.startSession("r", "Room", "ws://x/signal", Instant.parse("2026-12-04T00:00:00Z"));
            history.recordCheckIn(id, new CheckIn(CheckIn.Result.NOT_YET, "stuck"));
            history.recordCheckIn(id, new CheckIn(CheckIn.Result.DONE, "  "));
            assertEquals(new CheckIn(CheckIn.Result.DONE, ""), history.sessions().get(0).checkIn());
            history.recordGoal(id, " ");
            assertNull(history.sessions().get(0).goal(), "a blank goal clears it");
        }
    }

    @Test
    void writingToASessionThatIsNotThereIsAnError() throws Exception {
        try (FocusHistory history = FocusHistory.open(dir.resolve("h.sqlite"))) {
            assertThrows(SQLException.class, () -> history.recordGoal(42, "x"));
        }
    }

    @Test
    void theExportIsTheWholeHistoryAsUtf8CsvAndLeavesNoTempFile() throws Exception {
        Path file = dir.resolve("h.sqlite");
        MutableClock clock = new MutableClock(at("2026-12-04T12:00"), SEOUL);
        try (FocusHistory history = FocusHistory.open(file)) {
            long id = history.startSession("r-1", "수학, 스터디", "ws://127.0.0.1:7000/signal", at("2026-12-04T09:00"));
            history.recordGoal(id, "미적분 \"3장\"\n예제");
            history.addFocus(id, new FocusStretch(at("2026-12-04T09:00"), at("2026-12-04T09:50")));
            history.endSession(id, at("2026-12-04T10:00"));
            MyFocusModel model = new MyFocusModel(history, clock, Runnable::run, Runnable::run);
            Path out = dir.resolve("export/focus.csv");
            Files.createDirectories(out.getParent());
            model.export(out);
            String csv = Files.readString(out, StandardCharsets.UTF_8);
            assertEquals(HistoryCsv.BOM + "room_id,room,server,started,ended,focus_minutes,goal,check_in,note\r\n"
                    + "r-1,\"수학, 스터디\",ws://127.0.0.1:7000/signal,2026-12-04T09:00:00+09:00,2026-12-04T10:00:00+09:00,50,"
                    + "\"미적분 \"\"3장\"\"\n예제\",,\r\n", csv);
            assertEquals(List.of(out), Files.list(out.getParent()).toList());
            assertEquals("Exported 1 session to " + out + ".", model.noticeProperty().get());

            model.export(dir.resolve("no-such-folder/focus.csv"));
            assertEquals(true, model.noticeProperty().get().startsWith("Could not export to "), model.noticeProperty().get());
        }
    }

    @Test
    void theDataFolderFollowsTheOverrideThenTheConfigFolder() {
        String data = System.getProperty("carrel.data.dir");
        String config = System.getProperty("carrel.config.dir");
        try {
            System.clearProperty("carrel.data.dir");
            System.setProperty("carrel.config.dir", dir.resolve("cfg").toString());
            assertEquals(dir.resolve("cfg"), FocusHistory.userDataDir());
            System.setProperty("carrel.data.dir", dir.resolve("data").toString());
            assertEquals(dir.resolve("data"), FocusHistory.userDataDir());
            System.clearProperty("carrel.data.dir");
            System.clearProperty("carrel.config.dir");
            String xdg = System.getenv("XDG_DATA_HOME");
            Path expected = xdg != null && !xdg.isBlank() ? Path.of(xdg, "carrel")
                    : Path.of(System.getProperty("user.home"), ".local", "share", "carrel");
            assertEquals(expected, FocusHistory.userDataDir());
        } finally {
            restore("carrel.data.dir", data);
            restore("carrel.config.dir", config);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void stretchesSinceLeavesOutThoseThatEndedBefore() throws Exception {
        try (FocusHistory history = FocusHistory.open(dir.resolve("h.sqlite"))) {
            long id = history.startSession("r", "Room", "ws://x/signal", at("2026-11-01T09:00"));
            history.addFocus(id, new FocusStretch(at("2026-11-01T09:00"), at("2026-11-01T09:30")));
            history.addFocus(id, new FocusStretch(at("2026-12-01T09:00"), at("2026-12-01T09:30")));
            assertEquals(List.of(new FocusStretch(at("2026-12-01T09:00"), at("2026-12-01T09:30"))),
                    history.stretchesSince(at("2026-11-15T00:00")));
            assertEquals(Duration.ofMinutes(60).toSeconds(), history.sessions().get(0).focusSeconds());
        }
    }
}

package app.carrel.client.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The "My focus" page on a seeded history file: the bars, the streak, the list and the export. */
@ExtendWith(ApplicationExtension.class)
class MyFocusViewTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static Path dir;
    private FocusHistory history;
    private Stage stage;
    private final AtomicInteger backs = new AtomicInteger();
    private Path exportTo;

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SEOUL).toInstant();
    }

    @BeforeAll
    static void folder() throws Exception {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        dir = Files.createTempDirectory("carrel-my-focus");
    }

    @AfterAll
    static void removeFolder() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Start
    void start(Stage primary) throws Exception {
        history = FocusHistory.open(dir.resolve("h-" + System.nanoTime() + ".sqlite"));
        long a = history.startSession("r-1", "Algorithms", "ws://127.0.0.1:7000/signal", at("2026-12-02T20:00"));
        history.addFocus(a, new FocusStretch(at("2026-12-02T20:00"), at("2026-12-02T20:50")));
        history.endSession(a, at("2026-12-02T21:00"));
        long b = history.startSession("r-2", "조용한 방", "ws://127.0.0.1:7000/signal", at("2026-12-03T23:30"));
        history.recordGoal(b, "Essay, \"draft\"");
        history.addFocus(b, new FocusStretch(at("2026-12-03T23:40"), at("2026-12-04T00:25")));
        history.recordCheckIn(b, new CheckIn(CheckIn.Result.PARTLY, "intro done"));
        history.endSession(b, at("2026-12-04T00:30"));
        MyFocusModel model = new MyFocusModel(history, new MutableClock(at("2026-12-04T12:00"), SEOUL),
                Runnable::run, Runnable::run);
        stage = new Stage();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        MyFocusView view = new MyFocusView(model, backs::incrementAndGet, (owner, suggested) -> exportTo.resolve(suggested));
        stage.setScene(new Scene(view, 1100, 720));
        stage.show();
        model.refresh();
        view.requestFocus();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            stage.close();
            return null;
        });
        history.close();
    }

    @Test
    void barsStandOnTheDaysOfFocusAndTheOtherDaysAreZero(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        BarChart<String, Number> chart = robot.lookup("#my-focus-chart").queryAs(BarChart.class);
        List<XYChart.Data<String, Number>> bars = fx(() -> List.copyOf(chart.getData().get(0).getData()));
        assertEquals(28, bars.size());
        assertEquals("Nov 7", bars.get(0).getXValue());
        assertEquals("Dec 4", bars.get(27).getXValue());
        assertEquals(List.of(0, 50, 20, 25), bars.subList(24, 28).stream().map(d -> d.getYValue().intValue()).toList(),
                "Dec 1 none, Dec 2 50 min, 23:40–24:00 on Dec 3, the rest after midnight");
        double tallest = fx(() -> bars.get(25).getNode().getBoundsInParent().getHeight());
        double today = fx(() -> bars.get(27).getNode().getBoundsInParent().getHeight());
        assertTrue(tallest > today && today > 0, "drawn to scale: " + tallest + " > " + today + " > 0");
        assertEquals("3-day streak", fx(() -> robot.lookup("#my-focus-streak").queryAs(Label.class).getText()));
        assertEquals("All time: 1 h 35 min", fx(() -> robot.lookup("#my-focus-total").queryAs(Label.class).getText()));
        assertEquals("2 sessions", fx(() -> robot.lookup("#my-focus-sessions").queryAs(Label.class).getText()));
        TableView<?> recent = robot.lookup("#my-focus-recent").queryAs(TableView.class);
        assertEquals(2, fx(() -> recent.getItems().size()));
        FocusSession newest = (FocusSession) fx(() -> recent.getItems().get(0));
        assertEquals("조용한 방", newest.roomName());
        assertTrue(robot.lookup("Partly: intro done").tryQuery().isPresent(), "the check-in and its note in the list");
    }

    @Test
    void exportWritesTheChosenFileAndEscapeGoesBack(FxRobot robot) throws Exception {
        exportTo = Files.createDirectories(dir.resolve("out-" + System.nanoTime()));
        robot.clickOn("#my-focus-export");
        WaitForAsyncUtils.waitForFxEvents();
        Path written = exportTo.resolve("carrel-focus-2026-12-04.csv");
        String csv = Files.readString(written, StandardCharsets.UTF_8);
        assertTrue(csv.contains("\r\nr-2,조용한 방,ws://127.0.0.1:7000/signal,2026-12-03T23:30:00+09:00,"
                + "2026-12-04T00:30:00+09:00,45,\"Essay, \"\"draft\"\"\",partly,intro done\r\n"), csv);
        assertTrue(fx(() -> robot.lookup("#my-focus-notice").queryAs(Label.class).getText()).startsWith("Exported 2 sessions to "));
        robot.type(KeyCode.ESCAPE);
        assertEquals(1, backs.get());
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }
}

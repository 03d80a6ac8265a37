package app.carrel.client.history;

import app.carrel.client.i18n.Texts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.WeekFields;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "My focus" page's state: the summary read from the history (on a worker), and export to
 * CSV. Properties are written on the FX thread only ({@code fx} hands results back to it).
 */
public final class MyFocusModel {

    /** The chart's days: four weeks, today last. */
    public static final int CHART_DAYS = 28;
    public static final int RECENT = 50;
    private static final Logger log = LoggerFactory.getLogger(MyFocusModel.class);

    private final FocusHistory history;
    private final Clock clock;
    private final Executor worker;
    private final Executor fx;
    private final ReadOnlyObjectWrapper<FocusStats.Summary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");

    /** @param history null when the history file could not be opened (the page says so) */
    public MyFocusModel(FocusHistory history, Clock clock, Executor worker, Executor fx) {
        this.history = history;
        this.clock = clock;
        this.worker = worker;
        this.fx = fx;
    }

    public ReadOnlyObjectProperty<FocusStats.Summary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** A sentence for the person: an export's result, or why there is no history. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /** Today, on the page's clock (the export's suggested name). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Reads the history again (the page opens, or comes back). */
    public void refresh() {
        if (history == null) {
            notice.set(Texts.get("myFocus.unavailable"));
            return;
        }
        LocalDate today = LocalDate.now(clock);
        ZoneId zone = clock.getZone();
        var weekStart = WeekFields.of(Texts.locale().getCountry().isEmpty() ? Locale.getDefault() : Texts.locale())
                .getFirstDayOfWeek();
        worker.execute(() -> {
            try {
                FocusStats.Summary read = FocusStats.summarize(history.stretchesSince(Instant.EPOCH), history.sessions(),
                        today, zone, weekStart, CHART_DAYS, RECENT);
                fx.execute(() -> summary.set(read));
            } catch (SQLException e) {
                log.warn("Cannot read the focus history: {}", e.toString());
                fx.execute(() -> notice.set(Texts.get("myFocus.readFailed", e.getMessage())));
            }
        });
    }

    /** The whole history to {@code target} as CSV; the notice tells how it went. */
    public void export(Path target) {
        if (history == null) {
            notice.set(Texts.get("myFocus.unavailable"));
            return;
        }
        ZoneId zone = clock.getZone();
        worker.execute(() -> {
            try {
                List<FocusSession> sessions = history.sessions();
                write(target, HistoryCsv.write(sessions, zone));
                fx.execute(() -> notice.set(Texts.get("myFocus.exported", sessions.size(), target.toString())));
            } catch (SQLException | IOException e) {
                log.warn("Export to {} failed: {}", target, e.toString());
                fx.execute(() -> notice.set(Texts.get("myFocus.exportFailed", target.toString(), e.getMessage())));
            }
        });
    }

    /** Written beside the target and moved: a failed export never leaves half a file. */
    private static void write(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, ".carrel-export", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

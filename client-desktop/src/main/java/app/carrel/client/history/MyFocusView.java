package app.carrel.client.history;

import app.carrel.client.i18n.Texts;
import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * "My focus": minutes per day for four weeks as bars (a day without focus is a zero bar), the
 * streak, totals, the recent sessions and export to CSV. Esc or Back returns to where it was
 * opened from. The export's file is asked of an {@link ExportTarget}: a file chooser in the app,
 * a fixed path in tests (a native file chooser cannot run headless).
 */
public final class MyFocusView extends BorderPane {

    /** Where an export goes; null = the person cancelled. */
    public interface ExportTarget {
        Path choose(Window owner, String suggestedName);
    }

    /** The system's save dialog, CSV files first. */
    public static final ExportTarget FILE_CHOOSER = (owner, suggested) -> {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Texts.get("myFocus.exportTitle"));
        chooser.setInitialFileName(suggested);
        // Else GTK opens where the app was started from (seen: the source folder).
        java.io.File home = new java.io.File(System.getProperty("user.home"));
        if (home.isDirectory()) {
            chooser.setInitialDirectory(home);
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Texts.get("myFocus.csvFiles"), "*.csv"));
        var file = chooser.showSaveDialog(owner);
        return file == null ? null : file.toPath();
    };

    private final MyFocusModel model;
    private final Runnable back;
    private final ExportTarget exportTarget;
    private final CategoryAxis days = new CategoryAxis();
    private final NumberAxis minutes = new NumberAxis();
    private final BarChart<String, Number> chart = new BarChart<>(days, minutes);
    private final Label streak = new Label();
    private final Label week = new Label();
    private final Label total = new Label();
    private final Label sessions = new Label();
    private final Label notice = new Label();
    private final TableView<FocusSession> recent = new TableView<>();
    private final Button backButton = new Button(Texts.get("myFocus.back"), new FontIcon(Material2AL.ARROW_BACK));
    private final Button export = new Button(Texts.get("myFocus.export"), new FontIcon(Material2MZ.SAVE_ALT));

    public MyFocusView(MyFocusModel model, Runnable back, ExportTarget exportTarget) {
        this.model = model;
        this.back = back;
        this.exportTarget = exportTarget;
        createView();
        init();
    }

    private void createView() {
        setId("my-focus-view");
        setPadding(new Insets(20, 28, 20, 28));
        Label title = new Label(Texts.get("myFocus.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        backButton.setId("my-focus-back");
        backButton.setCancelButton(true);
        export.setId("my-focus-export");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, backButton, title, spacer, export);
        top.setAlignment(Pos.CENTER_LEFT);

        streak.setId("my-focus-streak");
        streak.getStyleClass().add(Styles.TITLE_4);
        streak.setGraphic(new FontIcon(Material2MZ.WHATSHOT));
        week.setId("my-focus-week");
        total.setId("my-focus-total");
        sessions.setId("my-focus-sessions");
        for (Label l : new Label[] {week, total, sessions}) {
            l.getStyleClass().add(Styles.TEXT_MUTED);
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        streak.setMinWidth(Region.USE_PREF_SIZE);
        HBox stats = new HBox(24, streak, week, total, sessions);
        stats.setAlignment(Pos.CENTER_LEFT);
        notice.setId("my-focus-notice");
        notice.setWrapText(true);
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());
        notice.visibleProperty().bind(notice.managedProperty());
        VBox header = new VBox(12, top, stats, notice);
        header.setPadding(new Insets(0, 0, 8, 0));
        setTop(header);

        chart.setId("my-focus-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(4);
        chart.setVerticalGridLinesVisible(false);
        // The recent list keeps a few rows at the window's smallest size; the chart gives way.
        chart.setMinHeight(160);
        chart.setPrefHeight(300);
        minutes.setLabel(Texts.get("myFocus.minutesAxis"));
        minutes.setMinorTickVisible(false);

        recent.setId("my-focus-recent");
        recent.setPlaceholder(new Label(Texts.get("myFocus.none")));
        recent.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        recent.getColumns().add(column("myFocus.col.room", s -> s.roomName(), 140));
        recent.getColumns().add(column("myFocus.col.date", s -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Texts.locale()).format(s.start().atZone(model.zone())), 170));
        recent.getColumns().add(column("myFocus.col.minutes", s -> Long.toString(s.focusMinutes()), 80));
        recent.getColumns().add(column("myFocus.col.goal", s -> s.goal() == null ? "" : s.goal(), 200));
        recent.getColumns().add(column("myFocus.col.checkIn", MyFocusView::checkIn, 200));
        recent.setMinHeight(130);
        recent.setPrefHeight(200);
        Label recentTitle = new Label(Texts.get("myFocus.recent"));
        recentTitle.getStyleClass().add(Styles.TITLE_4);
        VBox lists = new VBox(8, chart, recentTitle, recent);
        VBox.setVgrow(chart, Priority.SOMETIMES);
        VBox.setVgrow(recent, Priority.ALWAYS);
        setCenter(lists);
    }

    private void init() {
        notice.textProperty().bind(model.noticeProperty());
        model.summaryProperty().addListener((obs, old, now) -> show(now));
        backButton.setOnAction(e -> back.run());
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                back.run();
            }
        });
        export.setOnAction(e -> {
            Path target = exportTarget.choose(getScene().getWindow(),
                    Texts.get("myFocus.exportName", model.today().toString()));
            if (target != null) {
                model.export(target);
            }
        });
        if (model.summaryProperty().get() != null) {
            show(model.summaryProperty().get());
        }
    }

    private void show(FocusStats.Summary summary) {
        if (summary == null) {
            return;
        }
        DateTimeFormatter dayFormat = DateTimeFormatter.ofPattern(Texts.get("myFocus.dayPattern"), Texts.locale());
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (FocusStats.Day day : summary.days()) {
            series.getData().add(new XYChart.Data<>(dayFormat.format(day.date()), day.minutes()));
        }
        // The axis takes its categories from the data, in order: set by hand as well, JavaFX 21
        // drew no tick labels at all (seen under Xvfb).
        chart.getData().setAll(series);
        streak.setText(Texts.get("myFocus.streak", summary.streak()));
        week.setText(Texts.get("myFocus.week", duration(summary.weekMinutes())));
        total.setText(Texts.get("myFocus.total", duration(summary.totalMinutes())));
        sessions.setText(Texts.get("myFocus.sessions", summary.sessions()));
        recent.setItems(FXCollections.observableArrayList(summary.recent()));
    }

    /** "2 h 5 min", "45 min". */
    static String duration(long minutes) {
        return minutes >= 60 ? Texts.get("myFocus.hoursMinutes", minutes / 60, minutes % 60)
                : Texts.get("myFocus.minutes", minutes);
    }

    private static String checkIn(FocusSession s) {
        if (s.checkIn() == null) {
            return "";
        }
        String result = Texts.get("myFocus.checkIn." + s.checkIn().result().wire());
        return s.checkIn().note().isEmpty() ? result : Texts.get("myFocus.checkInWithNote", result, s.checkIn().note());
    }

    private static TableColumn<FocusSession, String> column(String key, java.util.function.Function<FocusSession, String> value,
                                                            double width) {
        TableColumn<FocusSession, String> column = new TableColumn<>(Texts.get(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }
}

package app.carrel.client.timer;

import app.carrel.protocol.TimerPhase;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The timer strip: phase, mm:ss, start menu, pause/resume, reset, "mute me during focus". */
public final class TimerView extends HBox {

    private final TimerModel model;
    private final CheckBox muteDuringFocus;
    private final Label phase = new Label();
    private final Label time = new Label();
    private final MenuButton start = new MenuButton("Start", new FontIcon(Material2MZ.TIMER));
    private final Button pauseResume = new Button();
    private final Button reset = new Button(null, new FontIcon(Material2MZ.REPLAY));
    private final Label notice = new Label();

    public TimerView(TimerModel model, CheckBox muteDuringFocus) {
        this.model = model;
        this.muteDuringFocus = muteDuringFocus;
        createView();
        init();
    }

    private void createView() {
        setId("timer-view");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(0, 8, 0, 8));
        phase.setId("timer-phase");
        phase.getStyleClass().add(Styles.TEXT_MUTED);
        time.setId("timer-remaining");
        time.getStyleClass().addAll(Styles.TITLE_3);
        time.setStyle("-fx-font-family: monospace;");
        start.setId("timer-start");
        start.getItems().addAll(item("Focus 25 min", "timer-focus-25"), item("Focus 50 min", "timer-focus-50"),
                item("Break 5 min", "timer-break-5"), item("Break 10 min", "timer-break-10"));
        pauseResume.setId("timer-pause-resume");
        reset.setId("timer-reset");
        reset.setTooltip(new javafx.scene.control.Tooltip("Reset the timer"));
        notice.setId("timer-notice");
        notice.getStyleClass().add(Styles.DANGER);
        muteDuringFocus.setId("mute-during-focus");
        getChildren().addAll(new FontIcon(Material2MZ.TIMER), phase, time, start, pauseResume, reset, muteDuringFocus, notice);
    }

    private MenuItem item(String text, String id) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        return item;
    }

    private void init() {
        time.textProperty().bind(model.displayProperty());
        // Before anyone starts a timer the phase already says "No timer"; a "--:--" beside it
        // would say the same twice.
        time.visibleProperty().bind(model.existsProperty());
        time.managedProperty().bind(model.existsProperty());
        start.getItems().get(0).setOnAction(e -> model.startFocus(25));
        start.getItems().get(1).setOnAction(e -> model.startFocus(50));
        start.getItems().get(2).setOnAction(e -> model.startBreak(5));
        start.getItems().get(3).setOnAction(e -> model.startBreak(10));
        reset.disableProperty().bind(model.existsProperty().not());
        model.runningProperty().addListener((obs, old, on) -> render());
        model.phaseProperty().addListener((obs, old, on) -> render());
        model.remainingProperty().addListener((obs, old, on) -> render());
        model.existsProperty().addListener((obs, old, on) -> render());
        pauseResume.setOnAction(e -> {
            if (model.runningProperty().get()) {
                model.pause();
            } else {
                model.resume();
            }
        });
        reset.setOnAction(e -> model.reset());
        notice.textProperty().bind(model.noticeProperty());
        render();
    }

    private void render() {
        TimerPhase p = model.phaseProperty().get();
        phase.setText(p == null ? "No timer" : p == TimerPhase.FOCUS ? "Focus" : "Break");
        boolean running = model.runningProperty().get();
        boolean paused = !running && model.existsProperty().get() && model.remainingProperty().get() > 0;
        pauseResume.setText(paused ? "Resume" : "Pause");
        pauseResume.setGraphic(new FontIcon(paused ? Material2MZ.PLAY_ARROW : Material2MZ.PAUSE));
        pauseResume.setDisable(!running && !paused);
    }
}

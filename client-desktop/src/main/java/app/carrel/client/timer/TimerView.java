package app.carrel.client.timer;

import app.carrel.client.i18n.Texts;
import app.carrel.client.timer.TimerModel.State;
import app.carrel.client.window.KeyClosedDialogs;
import app.carrel.protocol.TimerPhase;
import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Predicate;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The timer strip: phase and who acted, mm:ss, start menu (presets and a custom length), the
 * next phase when one is over, pause/resume, reset, "mute me during focus". It sits at the end
 * of the room header: it never gives its words up to "…"; when the header is too narrow its
 * buttons drop their text and keep their icons and tooltips.
 */
public final class TimerView extends HBox {

    private final TimerModel model;
    private final CheckBox muteDuringFocus;
    private final Predicate<String> confirmReplace;
    private final Label title = new Label();
    private final Label byline = new Label();
    private final Label time = new Label();
    private final Button next = new Button();
    private final MenuButton start = new MenuButton(Texts.get("timer.start"), new FontIcon(Material2MZ.TIMER));
    private final Button pauseResume = new Button();
    private final Button reset = new Button(null, new FontIcon(Material2MZ.REPLAY));
    private final Label notice = new Label();
    private final List<Labeled> shrinkable;
    private final Text measure = new Text();
    private boolean compact;

    public TimerView(TimerModel model, CheckBox muteDuringFocus) {
        this(model, muteDuringFocus, null);
    }

    /** {@code confirmReplace} answers "replace the running phase?"; null asks with a dialog. */
    TimerView(TimerModel model, CheckBox muteDuringFocus, Predicate<String> confirmReplace) {
        this.model = model;
        this.muteDuringFocus = muteDuringFocus;
        this.confirmReplace = confirmReplace != null ? confirmReplace : this::askToReplace;
        this.shrinkable = List.of(next, start, pauseResume, muteDuringFocus);
        getStylesheets().add(TimerView.class.getResource("timer.css").toExternalForm());
        createView();
        init();
    }

    private void createView() {
        setId("timer-view");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(0, 8, 0, 8));
        title.setId("timer-phase");
        title.getStyleClass().add(Styles.TEXT_MUTED);
        byline.setId("timer-by");
        byline.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        time.setId("timer-remaining");
        time.getStyleClass().addAll(Styles.TITLE_3);
        time.getStyleClass().add("timer-time");
        // The header squeezes its children to their minimum; these say what the timer is.
        for (Label label : new Label[] {title, byline, time}) {
            label.setMinWidth(Region.USE_PREF_SIZE);
        }
        VBox titles = new VBox(0, title, byline);
        titles.setAlignment(Pos.CENTER_LEFT);
        next.setId("timer-next");
        next.getStyleClass().add(Styles.ACCENT);
        start.setId("timer-start");
        start.setTooltip(new Tooltip(Texts.get("timer.startTip")));
        start.getItems().addAll(item(length(TimerPhase.FOCUS, 25), "timer-focus-25"),
                item(length(TimerPhase.FOCUS, 50), "timer-focus-50"),
                item(length(TimerPhase.BREAK, 5), "timer-break-5"), item(length(TimerPhase.BREAK, 10), "timer-break-10"),
                new SeparatorMenuItem(), item(Texts.get("timer.custom"), "timer-custom"));
        pauseResume.setId("timer-pause-resume");
        pauseResume.setTooltip(new Tooltip());
        reset.setId("timer-reset");
        reset.setTooltip(new Tooltip(Texts.get("timer.resetTip")));
        notice.setId("timer-notice");
        notice.getStyleClass().add(Styles.DANGER);
        muteDuringFocus.setId("mute-during-focus");
        muteDuringFocus.setGraphic(new FontIcon(Material2MZ.MIC_OFF));
        muteDuringFocus.setTooltip(new Tooltip(Texts.get("timer.muteDuringFocus")));
        getChildren().addAll(new FontIcon(Material2MZ.TIMER), titles, time, next, start, pauseResume, reset,
                muteDuringFocus, notice);
    }

    private MenuItem item(String text, String id) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        return item;
    }

    private void init() {
        time.textProperty().bind(model.displayProperty());
        title.textProperty().bind(model.titleProperty());
        byline.textProperty().bind(model.bylineProperty());
        byline.visibleProperty().bind(model.bylineProperty().isNotEmpty());
        byline.managedProperty().bind(byline.visibleProperty());
        start.getItems().get(0).setOnAction(e -> startAsked(TimerPhase.FOCUS, 25));
        start.getItems().get(1).setOnAction(e -> startAsked(TimerPhase.FOCUS, 50));
        start.getItems().get(2).setOnAction(e -> startAsked(TimerPhase.BREAK, 5));
        start.getItems().get(3).setOnAction(e -> startAsked(TimerPhase.BREAK, 10));
        start.getItems().get(5).setOnAction(e -> customAsked());
        next.setOnAction(e -> model.startNext());
        pauseResume.setOnAction(e -> {
            if (model.stateProperty().get() == State.RUNNING) {
                model.pause();
            } else {
                model.resume();
            }
        });
        reset.setOnAction(e -> model.reset());
        notice.textProperty().bind(model.noticeProperty());
        notice.managedProperty().bind(model.noticeProperty().isNotEmpty());
        notice.visibleProperty().bind(notice.managedProperty());
        notice.tooltipProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> notice.getText().isEmpty() ? null : new Tooltip(notice.getText()), notice.textProperty()));
        model.stateProperty().addListener((obs, old, now) -> render());
        model.phaseProperty().addListener((obs, old, now) -> render());
        render();
    }

    private void startAsked(TimerPhase phase, int minutes) {
        if (model.startReplacesAPhase()) {
            String by = model.bylineProperty().get();
            String question = Texts.get(by.isEmpty() ? "timer.replaceQuestion" : "timer.replaceQuestionBy",
                    phaseWord(model.phaseProperty().get()), model.displayProperty().get(),
                    minutes, phaseWord(phase), by);
            if (!confirmReplace.test(question)) {
                return;
            }
        }
        model.start(phase, minutes);
    }

    private void customAsked() {
        new CustomTimerDialog(getScene() == null ? null : getScene().getWindow(), TimerPhase.FOCUS, 25)
                .showAndWait()
                .ifPresent(choice -> startAsked(choice.phase(), choice.minutes()));
    }

    private boolean askToReplace(String question) {
        ButtonType replace = new ButtonType(Texts.get("timer.replace"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(Texts.get("timer.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, replace, keep);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.setTitle(Texts.get("timer.title"));
        alert.setHeaderText(Texts.get("timer.replaceHeader"));
        alert.getDialogPane().lookupButton(replace).setId("timer-replace-ok");
        KeyClosedDialogs.install(alert);
        return alert.showAndWait().filter(replace::equals).isPresent();
    }

    private void render() {
        State state = model.stateProperty().get();
        boolean counting = state == State.RUNNING || state == State.PAUSED;
        show(time, counting);
        show(pauseResume, counting);
        show(reset, state != State.IDLE);
        show(next, state == State.FINISHED);
        boolean paused = state == State.PAUSED;
        pauseResume.setText(Texts.get(paused ? "timer.resume" : "timer.pause"));
        pauseResume.setGraphic(new FontIcon(paused ? Material2MZ.PLAY_ARROW : Material2MZ.PAUSE));
        pauseResume.getTooltip().setText(Texts.get(paused ? "timer.resumeTip" : "timer.pauseTip"));
        next.setText(length(model.nextPhase(), model.nextMinutes()));
        next.setGraphic(new FontIcon(Material2MZ.PLAY_ARROW));
        next.setTooltip(new Tooltip(Texts.get("timer.startNextTip", model.nextMinutes(), phaseWord(model.nextPhase()))));
    }

    private static void show(javafx.scene.Node node, boolean on) {
        node.setVisible(on);
        node.setManaged(on);
    }

    // --- narrow headers ---
    // The timer goes to icons when the header has less room for it than its words need, counted
    // from what the header's other children ask for (not from the width the header gave us, which
    // depends on which mode we are in): the room's name keeps its room before our words do.
    // Its minimum is the icon strip, so the time and phase are never squeezed to "…".

    @Override
    protected double computeMinWidth(double height) {
        double w = super.computePrefWidth(height);
        double squeezableNotice = notice.isManaged() ? notice.prefWidth(-1) - notice.minWidth(-1) : 0;
        return (compact ? w : w - textWidths()) - squeezableNotice;
    }

    @Override
    protected void layoutChildren() {
        double wide = super.computePrefWidth(-1) + (compact ? textWidths() : 0);
        boolean narrow = roomInHeader() + 0.5 < wide;
        if (narrow != compact) {
            compact = narrow;
            for (Labeled l : shrinkable) {
                l.setContentDisplay(narrow ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT);
            }
        }
        super.layoutChildren();
    }

    /** The width the header leaves us once its other children have what they ask for. */
    private double roomInHeader() {
        if (!(getParent() instanceof HBox header)) {
            return getWidth();
        }
        double left = header.getWidth() - header.snappedLeftInset() - header.snappedRightInset();
        int managed = 0;
        for (javafx.scene.Node child : header.getChildren()) {
            if (child.isManaged()) {
                managed++;
                if (child != this) {
                    left -= child.prefWidth(-1);
                }
            }
        }
        return left - header.getSpacing() * Math.max(0, managed - 1);
    }

    /** What the shrinkable buttons' words take beside their icons. */
    private double textWidths() {
        double sum = 0;
        for (Labeled l : shrinkable) {
            if (l.isManaged() && l.getText() != null && !l.getText().isEmpty()) {
                measure.setText(l.getText());
                measure.setFont(l.getFont());
                sum += Math.ceil(measure.getLayoutBounds().getWidth()) + l.getGraphicTextGap();
            }
        }
        return sum;
    }

    boolean compact() {
        return compact;
    }

    /** "Focus 25 min", "Break 5 min". */
    private static String length(TimerPhase phase, int minutes) {
        return Texts.get(switch (phase) {
            case FOCUS -> "timer.focusLength";
            case BREAK -> "timer.breakLength";
            case LONG_BREAK -> "timer.longBreakLength";
        }, minutes);
    }

    /** The phase inside a sentence: "focus", "break". */
    private static String phaseWord(TimerPhase phase) {
        return Texts.get(switch (phase) {
            case FOCUS -> "timer.focusWord";
            case BREAK -> "timer.breakWord";
            case LONG_BREAK -> "timer.longBreakWord";
        });
    }
}

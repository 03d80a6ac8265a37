package app.carrel.client.room;

import app.carrel.client.i18n.Texts;
import app.carrel.protocol.CheckInResult;
import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The check-in at the end of a focus phase, a bar under the header (not a dialog: the room goes
 * on around it): done / partly / not yet, an optional note that stays on this computer, and
 * "share with the room" (remembered). Enter saves once an answer is picked, Esc skips; both
 * act a pulse later, as in KeyClosedDialogs.
 */
final class CheckInPrompt extends FlowPane {

    private static final int MAX_NOTE = 500;

    private final StudyRoom study;
    private final ToggleGroup answers = new ToggleGroup();
    private final TextField note = new TextField();
    private final CheckBox share = new CheckBox(Texts.get("checkIn.share"));
    private final Button save = new Button(Texts.get("checkIn.save"));

    CheckInPrompt(StudyRoom study) {
        this.study = study;
        setId("check-in-prompt");
        getStyleClass().add("check-in-prompt");
        setHgap(10);
        setVgap(6);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 12, 6, 12));
        Label question = new Label(Texts.get("checkIn.question"), new FontIcon(Material2AL.ASSIGNMENT_TURNED_IN));
        question.getStyleClass().add(Styles.TEXT_BOLD);
        HBox choices = new HBox(4);
        for (CheckInResult result : CheckInResult.values()) {
            String key = result.name().toLowerCase(Locale.ROOT);
            String text = Texts.get("checkIn." + key);
            ToggleButton b = new ToggleButton(text);
            b.setId("check-in-" + key.replace('_', '-'));
            b.setUserData(result);
            b.setToggleGroup(answers);
            choices.getChildren().add(b);
        }
        note.setId("check-in-note");
        note.setPromptText(Texts.get("checkIn.notePrompt"));
        note.setTooltip(new Tooltip(Texts.get("checkIn.noteTip")));
        note.setPrefColumnCount(22);
        app.carrel.client.window.TextLimits.limit(note, MAX_NOTE);
        HBox.setHgrow(note, Priority.ALWAYS);
        share.setId("check-in-share");
        share.setTooltip(new Tooltip(Texts.get("checkIn.shareTip")));
        save.setId("check-in-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(answers.selectedToggleProperty().isNull());
        save.setOnAction(e -> submit());
        Button skip = new Button(null, new FontIcon(Material2AL.CLOSE));
        skip.setId("check-in-skip");
        skip.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        skip.setTooltip(new Tooltip(Texts.get("checkIn.skip")));
        skip.setOnAction(e -> study.skipCheckIn());
        getChildren().addAll(question, choices, note, share, save, skip);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !save.isDisabled()) {
                e.consume();
                Platform.runLater(save::fire);
            } else if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                Platform.runLater(study::skipCheckIn);
            }
        });
        visibleProperty().bind(study.checkInDueProperty());
        managedProperty().bind(visibleProperty());
        study.checkInDueProperty().addListener((obs, was, due) -> {
            if (due) {
                reset();
            }
        });
    }

    /** A fresh prompt: nothing picked, no note, sharing as the person chose last time. */
    private void reset() {
        answers.selectToggle(null);
        note.clear();
        share.setSelected(study.memory().shareCheckIns());
    }

    private void submit() {
        if (answers.getSelectedToggle() == null) {
            return;
        }
        study.checkIn((CheckInResult) answers.getSelectedToggle().getUserData(), note.getText(), share.isSelected());
    }
}

package app.carrel.client.timer;

import app.carrel.client.i18n.Texts;
import app.carrel.client.window.FirstFocus;
import app.carrel.client.window.KeyClosedDialogs;
import app.carrel.protocol.TimerPhase;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks for a phase and a length in whole minutes (1–120: the contract's 7200 s). */
final class CustomTimerDialog extends Dialog<CustomTimerDialog.Choice> {

    record Choice(TimerPhase phase, int minutes) {
    }

    private final RadioButton focus = new RadioButton(Texts.get("timer.focus"));
    private final RadioButton rest = new RadioButton(Texts.get("timer.break"));
    private final TextField minutes = new TextField();

    CustomTimerDialog(Window owner, TimerPhase suggested, int suggestedMinutes) {
        initOwner(owner);
        setTitle(Texts.get("timer.title"));
        setHeaderText(Texts.get("timer.customHeader"));
        ToggleGroup group = new ToggleGroup();
        focus.setToggleGroup(group);
        rest.setToggleGroup(group);
        focus.setId("timer-custom-focus");
        rest.setId("timer-custom-break");
        (suggested == TimerPhase.BREAK ? rest : focus).setSelected(true);
        minutes.setId("timer-custom-minutes");
        minutes.setPrefColumnCount(4);
        minutes.setPromptText(Texts.get("timer.customPrompt", TimerModel.MAX_MINUTES));
        minutes.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().matches("\\d{0,3}") ? c : null));
        minutes.setText(Integer.toString(suggestedMinutes));
        VBox content = new VBox(10, new HBox(12, focus, rest),
                new HBox(8, minutes, new Label(Texts.get("timer.customMinutes", TimerModel.MAX_MINUTES))));
        ((HBox) content.getChildren().get(1)).setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        content.setPadding(new Insets(10, 12, 4, 12));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).setId("timer-custom-ok");
        getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> value() == 0, minutes.textProperty()));
        KeyClosedDialogs.install(this);
        setResultConverter(button -> button == ButtonType.OK && value() > 0
                ? new Choice(focus.isSelected() ? TimerPhase.FOCUS : TimerPhase.BREAK, value()) : null);
        FirstFocus.on(this, minutes);
    }

    /** The minutes typed, or 0 when they are outside 1..MAX_MINUTES. */
    private int value() {
        String text = minutes.getText();
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int n = Integer.parseInt(text);
        return n >= 1 && n <= TimerModel.MAX_MINUTES ? n : 0;
    }
}

package app.carrel.client.room;

import app.carrel.client.i18n.Texts;
import app.carrel.client.window.FirstFocus;
import app.carrel.client.window.KeyClosedDialogs;
import app.carrel.client.window.TextLimits;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "What are you working on?" in the room: one line, up to the contract's length; empty clears
 * the goal. Enter saves, Esc keeps the old one (KeyClosedDialogs: never inside the key event).
 */
final class GoalDialog extends Dialog<ButtonType> {

    private final TextField goal = new TextField();

    private GoalDialog(Window owner, String current) {
        initOwner(owner);
        setTitle(Texts.get("goal.title"));
        setHeaderText(Texts.get("goal.question"));
        goal.setId("goal-field");
        goal.setText(current);
        goal.setPromptText(Texts.get("goal.prompt"));
        goal.setPrefColumnCount(32);
        TextLimits.limit(goal, Goals.MAX);
        Label hint = new Label(Texts.get("goal.hint"));
        hint.getStyleClass().addAll("text-small", "text-muted");
        hint.setWrapText(true);
        VBox content = new VBox(8, goal, hint);
        content.setPadding(new Insets(10, 12, 4, 12));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).setId("goal-ok");
        getDialogPane().lookupButton(ButtonType.CANCEL).setId("goal-cancel");
        KeyClosedDialogs.install(this);
        FirstFocus.on(this, goal);
    }

    /** Shows the dialog; {@code save} gets the new goal (stripped, "" for none) on OK only. */
    static void open(Window owner, String current, Consumer<String> save) {
        GoalDialog dialog = new GoalDialog(owner, current);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == ButtonType.OK) {
                save.accept(Goals.clean(dialog.goal.getText()));
            }
        });
        dialog.show();
    }
}

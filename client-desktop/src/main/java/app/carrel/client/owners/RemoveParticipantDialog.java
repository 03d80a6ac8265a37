package app.carrel.client.owners;

import app.carrel.client.i18n.Texts;
import app.carrel.client.window.KeyClosedDialogs;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * "Remove X from the room?" with how long they are kept out; says honestly what that cannot
 * do without accounts (docs/protocol.md §10).
 */
public final class RemoveParticipantDialog extends Dialog<ButtonType> {

    /** The choices, in minutes; 10 (the server's default) is preselected. */
    static final List<Integer> MINUTES = List.of(5, 10, 30, 60, 1440);

    private final ComboBox<Integer> minutes = new ComboBox<>();

    private RemoveParticipantDialog(Window owner, String name, ButtonType remove) {
        initOwner(owner);
        setTitle(Texts.get("owner.removeTitle"));
        setHeaderText(Texts.get("owner.removeHeader", name));
        minutes.setId("remove-minutes");
        minutes.getItems().setAll(MINUTES);
        minutes.setValue(10);
        minutes.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer m) {
                return m == null ? "" : m == 60 ? Texts.get("owner.removeHour")
                        : m == 1440 ? Texts.get("owner.removeDay") : Texts.get("owner.removeMinutes", m);
            }

            @Override
            public Integer fromString(String text) {
                return minutes.getValue();
            }
        });
        Label note = new Label(Texts.get("owner.removeNote"));
        note.setWrapText(true);
        // Its whole height, or the dialog cut the explanation to one line with "…".
        note.setPrefWidth(380);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox row = new HBox(10, new Label(Texts.get("owner.removeFor")), minutes);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox content = new VBox(10, row, note);
        content.setPadding(new Insets(10, 12, 4, 12));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(remove, ButtonType.CANCEL);
        getDialogPane().setId("remove-dialog");
        getDialogPane().lookupButton(remove).setId("remove-confirm");
        KeyClosedDialogs.install(this);
        setOnShown(e -> javafx.application.Platform.runLater(minutes::requestFocus));
    }

    /** {@code remove} gets the minutes chosen. */
    public static void open(Window owner, String name, IntConsumer remove) {
        ButtonType confirm = new ButtonType(Texts.get("owner.removeConfirm"), ButtonBar.ButtonData.OK_DONE);
        RemoveParticipantDialog dialog = new RemoveParticipantDialog(owner, name, confirm);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == confirm) {
                remove.accept(dialog.minutes.getValue());
            }
        });
        dialog.show();
    }
}

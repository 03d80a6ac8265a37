package app.carrel.client.owners;

import app.carrel.client.i18n.Texts;
import app.carrel.client.window.FirstFocus;
import app.carrel.client.window.KeyClosedDialogs;
import app.carrel.protocol.TextRules;
import java.util.function.BiConsumer;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * A room's capacity and password. An empty password field keeps the password; "Remove the
 * password" opens the room. The server refuses a capacity below the people in the room, or one
 * that would turn a mesh room into a study hall; the place the request came from says so.
 */
final class RoomSettingsDialog extends Dialog<ButtonType> {

    /** As "New room": up to a study hall's 50; the server refuses what it cannot host. */
    private static final int MAX_CAPACITY = 50;

    private final Spinner<Integer> capacity;
    private final PasswordField password = new PasswordField();
    private final CheckBox removePassword = new CheckBox(Texts.get("owner.removePassword"));

    private RoomSettingsDialog(Window owner, String roomName, int current) {
        initOwner(owner);
        setTitle(Texts.get("owner.settingsTitle"));
        setHeaderText(Texts.get("owner.settingsHeader", roomName));
        capacity = new Spinner<>(TextRules.MIN_CAPACITY, MAX_CAPACITY, current);
        capacity.setId("room-settings-capacity");
        capacity.setEditable(true);
        password.setId("room-settings-password");
        password.setPromptText(Texts.get("owner.passwordPrompt"));
        password.setPrefColumnCount(22); // the whole prompt, in both languages
        removePassword.setId("room-settings-remove-password");
        password.disableProperty().bind(removePassword.selectedProperty());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label(Texts.get("owner.capacity")), capacity);
        grid.addRow(1, new Label(Texts.get("owner.password")), password);
        grid.add(removePassword, 1, 2);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).setId("room-settings-ok");
        KeyClosedDialogs.install(this);
        FirstFocus.on(this, capacity.getEditor());
    }

    /** {@code change} gets the capacity and the password (null: keep, "": remove). */
    static void open(Window owner, String roomName, int current, BiConsumer<Integer, String> change) {
        RoomSettingsDialog dialog = new RoomSettingsDialog(owner, roomName, current);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == ButtonType.OK) {
                dialog.capacity.commitValue();
                String pass = dialog.removePassword.isSelected() ? ""
                        : dialog.password.getText().isEmpty() ? null : dialog.password.getText();
                change.accept(dialog.capacity.getValue(), pass);
            }
        });
        dialog.show();
    }
}

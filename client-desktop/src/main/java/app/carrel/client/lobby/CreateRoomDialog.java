package app.carrel.client.lobby;

import app.carrel.client.i18n.Texts;
import app.carrel.client.window.FirstFocus;
import app.carrel.client.window.KeyClosedDialogs;
import app.carrel.client.window.TextLimits;
import app.carrel.protocol.TextRules;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Name, capacity, an optional password, "microphones off" (a quiet room) and long breaks for a
 * new room. A name the server would refuse keeps
 * the dialog open with the reason under the field, so nothing typed is lost.
 */
final class CreateRoomDialog extends Dialog<ButtonType> {

    private final TextField name = new TextField();
    // Up to a study hall's 50. Welcome does not announce a server's --max-capacity (a v1
    // server's default is 8); one that cannot host the number refuses with invalid-capacity,
    // which the lobby shows as it shows every refusal.
    static final int MAX_CAPACITY = 50;
    private final Spinner<Integer> capacity = new Spinner<>(TextRules.MIN_CAPACITY, MAX_CAPACITY, 4);
    private final PasswordField password = new PasswordField();
    private final Label error = new Label();
    // For halls where people work side by side in silence: the server keeps every microphone off.
    private final CheckBox quiet = new CheckBox(Texts.get("createRoom.quiet"));
    private final CheckBox longBreaks = new CheckBox(Texts.get("createRoom.longBreaks", LobbyConnection.LONG_BREAK_EVERY,
            TextRules.DEFAULT_LONG_BREAK_SECONDS / 60));

    CreateRoomDialog(Window owner) {
        initOwner(owner);
        setTitle(Texts.get("createRoom.title"));
        setHeaderText(Texts.get("createRoom.header"));
        name.setId("create-room-name");
        name.setPromptText(Texts.get("createRoom.namePrompt"));
        TextLimits.limit(name, TextRules.MAX_ROOM_NAME);
        capacity.setId("create-room-capacity");
        capacity.setEditable(true);
        password.setId("create-room-password");
        password.setPromptText(Texts.get("createRoom.passwordPrompt"));
        error.setId("create-room-error");
        error.getStyleClass().add("danger");
        error.getStyleClass().add("lobby-error");
        error.setWrapText(true);
        error.setVisible(false);
        error.setManaged(false);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label(Texts.get("createRoom.name")), name);
        grid.add(error, 1, 1);
        grid.addRow(2, new Label(Texts.get("createRoom.capacity")), capacity);
        grid.addRow(3, new Label(Texts.get("createRoom.password")), password);
        quiet.setId("create-room-quiet");
        quiet.setTooltip(new javafx.scene.control.Tooltip(Texts.get("createRoom.quietTip")));
        grid.add(quiet, 1, 4);
        longBreaks.setId("create-room-long-breaks");
        grid.add(longBreaks, 1, 5);
        getDialogPane().setContent(grid);
        getDialogPane().getStylesheets().add(LobbyView.STYLESHEET);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("create-room-ok");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (!validate()) {
                e.consume(); // stays open
            }
        });
        name.textProperty().addListener((obs, old, now) -> showError(null));
        KeyClosedDialogs.install(this);
        FirstFocus.on(this, name);
    }

    String roomName() {
        return TextRules.roomName(name.getText());
    }

    int capacity() {
        return capacity.getValue();
    }

    String password() {
        return password.getText();
    }

    boolean quiet() {
        return quiet.isSelected();
    }

    boolean longBreaks() {
        return longBreaks.isSelected();
    }

    private boolean validate() {
        capacity.commitValue(); // a number typed but not yet committed with Enter
        if (TextRules.roomName(name.getText()) == null) {
            showError(name.getText().isBlank()
                    ? Texts.get("createRoom.nameMissing")
                    : Texts.get("lobby.invalidRoomName", TextRules.MAX_ROOM_NAME));
            name.requestFocus();
            return false;
        }
        return true;
    }

    private void showError(String text) {
        error.setText(text == null ? "" : text);
        error.setVisible(text != null);
        error.setManaged(text != null);
        getDialogPane().getScene().getWindow().sizeToScene();
    }
}

package app.carrel.client.lobby;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.stage.Window;

/** Asks for the password of a locked room. */
final class PasswordDialog extends Dialog<ButtonType> {

    private final PasswordField password = new PasswordField();

    PasswordDialog(Window owner, String roomName) {
        initOwner(owner);
        setTitle("Locked room");
        setHeaderText("'" + roomName + "' needs a password");
        password.setId("join-password");
        getDialogPane().setContent(password);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).setId("join-password-ok");
        setOnShown(e -> password.requestFocus());
    }

    String password() {
        return password.getText();
    }
}

package app.carrel.client.lobby;

import app.carrel.client.i18n.Texts;
import app.carrel.client.window.FirstFocus;
import app.carrel.client.window.KeyClosedDialogs;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks for the password of a locked room; after a wrong one it says so and asks again. */
final class PasswordDialog extends Dialog<ButtonType> {

    private final PasswordField password = new PasswordField();

    PasswordDialog(Window owner, String roomName, boolean retry) {
        initOwner(owner);
        setTitle(Texts.get("password.title"));
        setHeaderText(Texts.get("password.header", roomName));
        password.setId("join-password");
        password.setPromptText(Texts.get("password.prompt"));
        VBox content = new VBox(8);
        content.setPadding(new Insets(10, 12, 4, 12));
        if (retry) {
            Label wrong = new Label(Texts.get("password.wrong"));
            wrong.setId("join-password-wrong");
            wrong.getStyleClass().add("lobby-error");
            content.getChildren().add(wrong);
        }
        content.getChildren().add(password);
        getDialogPane().setContent(content);
        getDialogPane().getStylesheets().add(LobbyView.STYLESHEET);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).setId("join-password-ok");
        KeyClosedDialogs.install(this);
        FirstFocus.on(this, password);
    }

    String password() {
        return password.getText();
    }
}

package app.carrel.client.lobby;

import app.carrel.client.i18n.Texts;
import app.carrel.client.window.FirstFocus;
import app.carrel.client.window.KeyClosedDialogs;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for a private server's join code; after a wrong one it says so and asks again. A plain
 * field, not a password field: the code is shared by a whole school, and seeing a typo helps more
 * than hiding it.
 */
final class JoinCodeDialog extends Dialog<ButtonType> {

    private final TextField code = new TextField();

    JoinCodeDialog(Window owner, String server, boolean wrong) {
        initOwner(owner);
        setTitle(Texts.get("joinCode.title"));
        setHeaderText(Texts.get("joinCode.header", server));
        code.setId("join-code");
        code.setPromptText(Texts.get("joinCode.prompt"));
        VBox content = new VBox(8);
        content.setPadding(new Insets(10, 12, 4, 12));
        if (wrong) {
            Label notRight = new Label(Texts.get("joinCode.wrong"));
            notRight.setId("join-code-wrong");
            notRight.getStyleClass().add("lobby-error");
            content.getChildren().add(notRight);
        }
        content.getChildren().add(code);
        getDialogPane().setContent(content);
        getDialogPane().getStylesheets().add(LobbyView.STYLESHEET);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).setId("join-code-ok");
        KeyClosedDialogs.install(this);
        FirstFocus.on(this, code);
    }

    String code() {
        return code.getText();
    }
}

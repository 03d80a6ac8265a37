package app.carrel.client.owners;

import app.carrel.client.i18n.Texts;
import app.carrel.client.window.FirstFocus;
import app.carrel.client.window.KeyClosedDialogs;
import app.carrel.client.window.TextLimits;
import app.carrel.protocol.TextRules;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** A new name for a room; one the server would refuse keeps the dialog open with the reason. */
final class RenameRoomDialog extends Dialog<ButtonType> {

    private final TextField name = new TextField();
    private final Label error = new Label();

    private RenameRoomDialog(Window owner, String current) {
        initOwner(owner);
        setTitle(Texts.get("owner.renameTitle"));
        setHeaderText(Texts.get("owner.renameHeader", current));
        name.setId("rename-room-name");
        name.setText(current);
        TextLimits.limit(name, TextRules.MAX_ROOM_NAME);
        error.setId("rename-room-error");
        error.getStyleClass().add("danger");
        error.setWrapText(true);
        error.setVisible(false);
        error.setManaged(false);
        VBox content = new VBox(8, name, error);
        content.setPadding(new Insets(10, 12, 4, 12));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Node ok = getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("rename-room-ok");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (TextRules.roomName(name.getText()) == null) {
                error.setText(Texts.get("lobby.invalidRoomName", TextRules.MAX_ROOM_NAME));
                error.setVisible(true);
                error.setManaged(true);
                e.consume(); // stays open, nothing typed is lost
            }
        });
        KeyClosedDialogs.install(this);
        FirstFocus.on(this, name);
    }

    static void open(Window owner, String current, Consumer<String> rename) {
        RenameRoomDialog dialog = new RenameRoomDialog(owner, current);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == ButtonType.OK) {
                rename.accept(TextRules.roomName(dialog.name.getText()));
            }
        });
        dialog.show();
    }
}

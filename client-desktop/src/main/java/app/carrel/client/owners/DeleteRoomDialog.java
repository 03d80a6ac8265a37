package app.carrel.client.owners;

import app.carrel.client.i18n.Texts;
import app.carrel.client.window.KeyClosedDialogs;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** "Delete this room?": it cannot be undone, and it sends everyone in it back to the lobby. */
final class DeleteRoomDialog {

    private DeleteRoomDialog() {
    }

    static void open(Window owner, String roomName, Runnable delete) {
        ButtonType yes = new ButtonType(Texts.get("owner.deleteConfirm"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, Texts.get("owner.deleteText"), yes, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(Texts.get("owner.deleteTitle"));
        alert.setHeaderText(Texts.get("owner.deleteHeader", roomName));
        alert.getDialogPane().setId("delete-room-dialog");
        alert.getDialogPane().lookupButton(yes).setId("delete-room-confirm");
        // Cancel is the default: Enter on a destructive question must not destroy.
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        KeyClosedDialogs.install(alert);
        alert.setOnHidden(e -> {
            if (alert.getResult() == yes) {
                delete.run();
            }
        });
        alert.show();
    }
}

package app.carrel.client.window;

import app.carrel.client.i18n.Texts;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** "Leave the call?" before a click ends it: leaving by mistake costs the person their seat. */
public final class LeaveConfirmation {

    private LeaveConfirmation() {
    }

    /** Blocks until answered (FX thread); true when the person confirmed with {@code action}. */
    public static boolean confirm(Window owner, String title, String text, String action) {
        ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        ButtonType stay = new ButtonType(Texts.get("leave.stay"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, yes, stay);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setId("leave-confirmation");
        alert.getDialogPane().lookupButton(yes).setId("leave-confirm");
        alert.getDialogPane().lookupButton(stay).setId("leave-stay");
        KeyClosedDialogs.install(alert);
        return alert.showAndWait().orElse(stay) == yes;
    }
}

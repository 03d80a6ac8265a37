package app.carrel.client.window;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Enter and Escape in a dialog press its default or cancel button one pulse later, never inside
 * the key event. JavaFX 21's GTK glass (21.0.5 and 21.0.11 alike) keeps using the window's
 * native view after the Java key handler returns ({@code WindowContextBase::process_key} sends
 * the key-typed event next): a dialog that closes inside the key-pressed handler has destroyed
 * that view, and the JVM dies with SIGSEGV. Seen 4 of 4 times with Enter in "New study room"
 * under Xvfb; a mouse click on OK never did, because the click does not come through that path.
 */
public final class KeyClosedDialogs {

    private KeyClosedDialogs() {
    }

    /** Call once, after the dialog's buttons are set. */
    public static void install(Dialog<?> dialog) {
        DialogPane pane = dialog.getDialogPane();
        pane.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            Button target = buttonFor(pane, event.getCode());
            if (target == null || target.isDisabled() || event.isAltDown() || event.isShortcutDown()) {
                return;
            }
            event.consume();
            Platform.runLater(target::fire);
        });
    }

    private static Button buttonFor(DialogPane pane, KeyCode code) {
        if (code != KeyCode.ENTER && code != KeyCode.ESCAPE) {
            return null;
        }
        for (ButtonType type : pane.getButtonTypes()) {
            Node node = pane.lookupButton(type);
            if (node instanceof Button button
                    && (code == KeyCode.ENTER ? button.isDefaultButton() : button.isCancelButton())) {
                return button;
            }
        }
        return null;
    }
}

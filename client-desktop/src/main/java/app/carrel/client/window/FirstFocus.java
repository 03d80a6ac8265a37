package app.carrel.client.window;

import javafx.application.Platform;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextInputControl;

/**
 * Puts the caret in a dialog's field once the dialog is up, its text selected so typing replaces
 * it. A pulse later: asked for in onShown itself, the dialog's own first focus (a radio button,
 * the default button) won, and typed keys went nowhere (seen with "Custom length…").
 */
public final class FirstFocus {

    private FirstFocus() {
    }

    public static void on(Dialog<?> dialog, TextInputControl field) {
        dialog.setOnShown(e -> Platform.runLater(() -> {
            field.requestFocus();
            field.selectAll();
        }));
    }
}

package app.carrel.client.window;

import javafx.scene.control.TextFormatter;
import javafx.scene.control.TextInputControl;

/**
 * Stops a field at the contract's length (in code points, as the server counts), so a name
 * cannot be typed longer than the server takes and then refused on Join.
 */
public final class TextLimits {

    private TextLimits() {
    }

    public static void limit(TextInputControl field, int maxCodePoints) {
        field.setTextFormatter(new TextFormatter<String>(change -> {
            String text = change.getControlNewText();
            return text.codePointCount(0, text.length()) <= maxCodePoints ? change : null;
        }));
    }
}

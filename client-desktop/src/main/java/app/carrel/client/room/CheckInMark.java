package app.carrel.client.room;

import app.carrel.protocol.CheckInResult;
import app.carrel.protocol.Presence;

import app.carrel.client.i18n.Texts;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The small mark a shared check-in leaves beside a name, on the tile and in the panel: a tick
 * for done, a hollow tick for partly, a clock for not yet; its words in a tooltip.
 */
final class CheckInMark {

    private CheckInMark() {
    }

    /** Shows {@code result} on {@code icon}, or hides it for null. */
    static void show(FontIcon icon, CheckInResult result) {
        icon.setVisible(result != null);
        icon.setManaged(result != null);
        icon.getStyleClass().removeAll("check-in-done", "check-in-partly", "check-in-not_yet");
        if (result == null) {
            Tooltip.uninstall(icon, (Tooltip) icon.getProperties().remove(Tooltip.class));
            return;
        }
        icon.setIconCode(switch (result) {
            case DONE -> Material2AL.CHECK_CIRCLE;
            case PARTLY -> Material2AL.CHECK_CIRCLE_OUTLINE;
            case NOT_YET -> Material2MZ.SCHEDULE;
        });
        icon.getStyleClass().add("check-in-" + result.name().toLowerCase(java.util.Locale.ROOT));
        Tooltip tip = (Tooltip) icon.getProperties().computeIfAbsent(Tooltip.class, k -> {
            Tooltip t = new Tooltip();
            Tooltip.install(icon, t);
            return t;
        });
        tip.setText(words(result));
    }

    /** "Done", "Partly done", "Not yet". */
    static String words(CheckInResult result) {
        return Texts.get("checkIn.shared." + result.name().toLowerCase(java.util.Locale.ROOT));
    }
}

package app.carrel.client.owners;

import app.carrel.client.i18n.Texts;
import java.util.List;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;
import java.util.function.Supplier;

/**
 * The owner's menu items, the same in the lobby's context menu and the room's header: Rename…,
 * Capacity and password…, Delete room…, Keep this room. Each "…" opens its dialog; the request
 * is sent when the dialog is confirmed.
 */
public final class OwnerMenus {

    private OwnerMenus() {
    }

    /** {@code owner} is asked for the window at the moment a dialog opens. */
    public static List<MenuItem> roomItems(Supplier<Window> owner, RoomActions actions) {
        MenuItem rename = new MenuItem(Texts.get("owner.rename"));
        rename.setId("owner-rename");
        rename.setOnAction(e -> RenameRoomDialog.open(owner.get(), actions.roomName(), actions::rename));
        MenuItem settings = new MenuItem(Texts.get("owner.settings"));
        settings.setId("owner-settings");
        settings.setOnAction(e -> RoomSettingsDialog.open(owner.get(), actions.roomName(), actions.capacity(),
                actions::change));
        MenuItem delete = new MenuItem(Texts.get("owner.delete"));
        delete.setId("owner-delete");
        delete.setOnAction(e -> DeleteRoomDialog.open(owner.get(), actions.roomName(), actions::delete));
        CheckMenuItem keep = new CheckMenuItem(Texts.get("owner.keep"));
        keep.setId("owner-keep");
        keep.setSelected(actions.kept().get());
        actions.kept().addListener((obs, old, now) -> keep.setSelected(now));
        keep.setOnAction(e -> actions.keep(keep.isSelected()));
        return List.of(rename, settings, keep, new SeparatorMenuItem(), delete);
    }
}

package app.carrel.client.lobby;

import app.carrel.protocol.Room;
import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** One room in the lobby list: lock, name, participants/capacity, Join. */
final class RoomCell extends ListCell<Room> {

    private final HBox row = new HBox(10);
    private final FontIcon lock = new FontIcon(Material2AL.LOCK);
    private final Label name = new Label();
    private final Label count = new Label();
    private final Button join = new Button("Join");

    RoomCell(Consumer<Room> onJoin) {
        lock.getStyleClass().add("room-lock");
        name.getStyleClass().addAll("room-name", Styles.TEXT_BOLD);
        count.getStyleClass().addAll("room-count", Styles.TEXT_MUTED);
        count.setGraphic(new FontIcon(Material2MZ.PEOPLE));
        join.getStyleClass().addAll("room-join", Styles.ACCENT);
        join.setOnAction(e -> {
            if (getItem() != null) {
                onJoin.accept(getItem());
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getChildren().addAll(lock, name, spacer, count, join);
        row.getStyleClass().add("room-row");
    }

    @Override
    protected void updateItem(Room room, boolean empty) {
        super.updateItem(room, empty);
        if (empty || room == null) {
            setGraphic(null);
            return;
        }
        name.setText(room.name());
        count.setText(room.participants() + "/" + room.capacity());
        lock.setVisible(room.locked());
        lock.setManaged(room.locked());
        boolean full = room.participants() >= room.capacity();
        join.setText(full ? "Full" : "Join");
        join.setDisable(full);
        setGraphic(row);
    }
}

package app.carrel.client.lobby;

import app.carrel.client.i18n.Texts;
import app.carrel.protocol.Room;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableLongValue;
import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.control.ContextMenu;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * One room in the lobby list: lock, name, "Study hall" for a hall, "Quiet" for a quiet room,
 * participants/capacity, Join; under the name its timer ("Focus · 12 min left", counting down
 * with the lobby's clock) and who is there.
 */
final class RoomCell extends ListCell<Room> {

    private final HBox row = new HBox(10);
    private final FontIcon lock = new FontIcon(Material2AL.LOCK);
    private final Label name = new Label();
    private final Label count = new Label();
    // A hall (its media through the server's SFU) holds far more people than a mesh room; the
    // person should know before joining that it is a large, paged room.
    private final Label hall = new Label(Texts.get("lobby.hall"));
    private final Button join = new Button(Texts.get("lobby.join"));
    private final Label quiet = new Label(Texts.get("lobby.quiet"));
    private final Label phase = new Label();
    private final Label names = new Label();
    private final ObservableLongValue now;

    private final ObservableBooleanValue online;
    private final Function<Room, ContextMenu> ownerMenu;

    /** {@code online}: Join is offered only while the lobby is connected to the rooms' server. */
    RoomCell(Consumer<Room> onJoin, ObservableBooleanValue online) {
        this(onJoin, online, room -> null, new SimpleLongProperty(System.currentTimeMillis()));
    }

    /**
     * {@code ownerMenu}: the owner's context menu for a room, null for a room not ours;
     * {@code now}: the lobby's clock (epoch ms), which moves the timers' minutes on.
     */
    RoomCell(Consumer<Room> onJoin, ObservableBooleanValue online, Function<Room, ContextMenu> ownerMenu,
             ObservableLongValue now) {
        this.online = online;
        this.ownerMenu = ownerMenu;
        this.now = now;
        online.addListener(new WeakInvalidationListener(onlineChanged));
        now.addListener(new WeakInvalidationListener(clockTicked));
        quiet.getStyleClass().addAll("room-quiet", Styles.TEXT_SMALL);
        quiet.setGraphic(new FontIcon(Material2MZ.VOLUME_OFF));
        quiet.setMinWidth(Region.USE_PREF_SIZE);
        quiet.setTooltip(new javafx.scene.control.Tooltip(Texts.get("lobby.quietTip")));
        phase.getStyleClass().addAll("room-phase", Styles.TEXT_SMALL);
        phase.setMinWidth(Region.USE_PREF_SIZE);
        names.getStyleClass().addAll("room-names", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        names.setMinWidth(0);
        lock.getStyleClass().add("room-lock");
        name.getStyleClass().addAll("room-name", Styles.TEXT_BOLD);
        count.getStyleClass().addAll("room-count", Styles.TEXT_MUTED);
        hall.getStyleClass().addAll("room-hall", Styles.TEXT_SMALL);
        hall.setGraphic(new FontIcon(Material2MZ.SCHOOL));
        hall.setMinWidth(Region.USE_PREF_SIZE);
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
        HBox title = new HBox(10, name, hall, quiet);
        title.setAlignment(Pos.CENTER_LEFT);
        HBox life = new HBox(10, phase, names);
        life.setAlignment(Pos.CENTER_LEFT);
        VBox about = new VBox(2, title, life);
        about.setAlignment(Pos.CENTER_LEFT);
        about.setMinWidth(0);
        row.getChildren().addAll(lock, about, spacer, count, join);
        row.getStyleClass().add("room-row");
    }

    // Held here: the lobby's property outlives cells, so it only keeps a weak reference to them.
    private final InvalidationListener onlineChanged = obs -> refreshJoin();
    private final InvalidationListener clockTicked = obs -> refreshPhase();

    @Override
    protected void updateItem(Room room, boolean empty) {
        super.updateItem(room, empty);
        if (empty || room == null) {
            setGraphic(null);
            setContextMenu(null);
            return;
        }
        name.setText(room.name());
        count.setText(room.participants() + "/" + room.capacity());
        lock.setVisible(room.locked());
        lock.setManaged(room.locked());
        hall.setVisible(room.hall());
        hall.setManaged(room.hall());
        quiet.setVisible(room.quiet());
        quiet.setManaged(room.quiet());
        String who = RoomGlance.names(room);
        names.setText(who);
        names.setVisible(!who.isEmpty());
        names.setManaged(!who.isEmpty());
        refreshPhase();
        join.setText(Texts.get(full(room) ? "lobby.full" : "lobby.join"));
        setContextMenu(ownerMenu.apply(room));
        refreshJoin();
        setGraphic(row);
    }

    private void refreshPhase() {
        Room room = getItem();
        String text = room == null || isEmpty() ? "" : RoomGlance.phase(room.timer(), now.get());
        phase.setText(text);
        phase.setVisible(!text.isEmpty());
        phase.setManaged(!text.isEmpty());
        phase.getParent().setVisible(!text.isEmpty() || names.isManaged());
        phase.getParent().setManaged(phase.getParent().isVisible());
    }

    private void refreshJoin() {
        Room room = getItem();
        join.setDisable(room == null || full(room) || !online.get());
    }

    private static boolean full(Room room) {
        return room.participants() >= room.capacity();
    }
}

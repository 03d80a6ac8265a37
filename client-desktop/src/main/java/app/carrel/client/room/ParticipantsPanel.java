package app.carrel.client.room;

import app.carrel.client.i18n.Texts;
import atlantafx.base.theme.Styles;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.util.StringConverter;
import app.carrel.protocol.Presence;
import java.util.Locale;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Everyone in the room in one list (the "N here" button opens it): a {@link ListView}, so a
 * hall of 50 makes only the rows in view, in {@link ParticipantOrder}. Times in the room move on
 * each half minute while the panel is open. Esc closes it (see Shortcuts).
 */
final class ParticipantsPanel extends VBox {

    private static final Duration TICK = Duration.seconds(30);

    private final RoomModel model;
    private final ListView<Participant> list = new ListView<>();
    private final Label title = new Label();
    private final Button close = new Button(null, new FontIcon(Material2AL.CLOSE));
    private final ChoiceBox<Presence> presence = new ChoiceBox<>();
    private final ReadOnlyLongWrapper now = new ReadOnlyLongWrapper(System.currentTimeMillis());
    private final Timeline clock = new Timeline(new KeyFrame(TICK, e -> now.set(System.currentTimeMillis())));

    ParticipantsPanel(RoomModel model, Runnable editGoal) {
        this.model = model;
        setId("participants-panel");
        getStyleClass().add("participants-panel");
        title.setId("participants-title");
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(Bindings.createStringBinding(
                () -> Texts.get("people.title", model.participants().size()), model.participants()));
        close.setId("participants-close");
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        close.setTooltip(new Tooltip(Texts.get("people.closeTip")));
        close.setOnAction(e -> model.closeParticipants());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 8, 4, 12));
        // Our own presence, told to the room; the choice follows our participant (a resume, a
        // refused change undone).
        presence.setId("presence-choice");
        presence.getItems().setAll(Presence.values());
        presence.setConverter(new StringConverter<>() {
            @Override
            public String toString(Presence p) {
                return p == null ? "" : Texts.get("people.presence." + p.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public Presence fromString(String text) {
                return null;
            }
        });
        presence.setValue(model.self().presenceProperty().get());
        presence.setTooltip(new Tooltip(Texts.get("people.iAmTip")));
        model.self().presenceProperty().addListener((obs, old, now) -> presence.setValue(now));
        presence.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                model.study().setPresence(chosen);
            }
        });
        Label iAm = new Label(Texts.get("people.iAm"));
        HBox mine = new HBox(8, iAm, presence);
        mine.setAlignment(Pos.CENTER_LEFT);
        mine.setPadding(new Insets(0, 8, 6, 12));
        list.setId("participants-list");
        list.setItems(new SortedList<>(model.participants(), ParticipantOrder.comparator()));
        list.setCellFactory(v -> new ParticipantCell(now.getReadOnlyProperty(), editGoal));
        list.setFocusTraversable(false);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(header, mine, list);
        setPrefWidth(320);
        setMinWidth(190);
        clock.setCycleCount(Timeline.INDEFINITE);
        visibleProperty().addListener((obs, was, shown) -> running(shown));
        sceneProperty().addListener((obs, old, scene) -> running(scene != null && isVisible()));
    }

    ListView<Participant> list() {
        return list;
    }

    private void running(boolean on) {
        if (on) {
            now.set(System.currentTimeMillis());
            clock.play();
        } else {
            clock.stop();
        }
    }

    void dispose() {
        clock.stop();
    }
}

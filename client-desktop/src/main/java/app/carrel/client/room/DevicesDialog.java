package app.carrel.client.room;

import app.carrel.client.i18n.Texts;
import app.carrel.client.prejoin.CameraChoice;
import app.carrel.client.window.KeyClosedDialogs;
import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyProperty;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * "Camera and sound" in the room: the same three choices as before joining, the ones in use
 * selected; a pick applies at once (the person sees their own tile change behind the dialog,
 * which is why it does not block the window) and is remembered. Opened from the controls bar.
 */
final class DevicesDialog extends Dialog<ButtonType> {

    private final DevicesModel model;
    private final ComboBox<CameraChoice> camera = new ComboBox<>();
    private final ComboBox<String> microphone = new ComboBox<>();
    private final ComboBox<String> speaker = new ComboBox<>();
    private final Label hint = new Label();

    DevicesDialog(Window owner, DevicesModel model) {
        this.model = model;
        initOwner(owner);
        initModality(Modality.NONE);
        createView();
        init();
    }

    private void createView() {
        setTitle(Texts.get("room.devicesTip"));
        setHeaderText(Texts.get("room.devicesTip"));
        setGraphic(new FontIcon(Material2MZ.VIDEO_SETTINGS));
        camera.setId("devices-camera");
        microphone.setId("devices-microphone");
        speaker.setId("devices-speaker");
        hint.setId("devices-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(380);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setMinHeight(Region.USE_PREF_SIZE); // wrapped in full, not cut to one line with "…"
        for (ComboBox<?> box : new ComboBox<?>[] {camera, microphone, speaker}) {
            box.setMaxWidth(Double.MAX_VALUE);
            box.setPrefWidth(280);
        }
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), grow);
        grid.addRow(0, new Label(Texts.get("prejoin.camera")), camera);
        grid.addRow(1, new Label(Texts.get("prejoin.microphone")), microphone);
        grid.addRow(2, new Label(Texts.get("prejoin.speaker")), speaker);
        grid.add(hint, 0, 3, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().lookupButton(ButtonType.CLOSE).setId("devices-close");
        KeyClosedDialogs.install(this);
    }

    private void init() {
        camera.setItems(model.cameras());
        microphone.setItems(model.microphones());
        speaker.setItems(model.speakers());
        follow(camera, model.cameraProperty());
        follow(microphone, model.microphoneProperty());
        follow(speaker, model.speakerProperty());
        camera.valueProperty().addListener((obs, old, now) -> model.selectCamera(now));
        microphone.valueProperty().addListener((obs, old, now) -> model.selectMicrophone(now));
        speaker.valueProperty().addListener((obs, old, now) -> model.selectSpeaker(now));
        camera.disableProperty().bind(model.readyProperty().not().or(model.switchingProperty()));
        // One entry ("No microphone found") is no choice at all.
        microphone.disableProperty().bind(model.readyProperty().not().or(
                javafx.beans.binding.Bindings.size(model.microphones()).lessThan(2)));
        speaker.disableProperty().bind(model.readyProperty().not().or(
                javafx.beans.binding.Bindings.size(model.speakers()).lessThan(2)));
        hint.textProperty().bind(model.hintProperty());
        hint.visibleProperty().bind(model.hintProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        // The choices and the hint arrive after the window is shown: it grows to hold them.
        model.hintProperty().addListener((obs, old, now) -> fitWindow());
        model.readyProperty().addListener((obs, old, now) -> fitWindow());
        setOnShown(e -> model.refresh());
    }

    private void fitWindow() {
        Window window = getDialogPane().getScene() == null ? null : getDialogPane().getScene().getWindow();
        if (window != null) {
            Platform.runLater(window::sizeToScene);
        }
    }

    /** The box shows what the model holds (also when a failed switch puts the old camera back). */
    private static <T> void follow(ComboBox<T> box, ReadOnlyProperty<T> value) {
        box.setValue(value.getValue());
        value.addListener((obs, old, now) -> box.setValue(now));
    }
}

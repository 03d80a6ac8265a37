package app.carrel.client.prejoin;

import app.carrel.client.i18n.Texts;
import app.carrel.client.video.VideoSurface;
import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import app.carrel.client.window.TextLimits;
import app.carrel.protocol.TextRules;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Camera preview on the left; devices, switches and "Join now" on the right. */
public final class PreJoinView extends BorderPane {

    private final PreJoinModel model;
    private final VideoSurface preview = new VideoSurface();
    private final Label cameraOff = new Label(Texts.get("prejoin.cameraIsOff"));
    private final ChoiceBox<CameraChoice> camera = new ChoiceBox<>();
    private final ChoiceBox<String> microphone = new ChoiceBox<>();
    private final ChoiceBox<String> speaker = new ChoiceBox<>();
    private final ProgressBar level = new ProgressBar(0);
    private final Label levelHint = new Label();
    // Reads the level while the microphone is open for the meter (about 15 times a second).
    private final Timeline levelTicks = new Timeline();
    private final ToggleButton micToggle = new ToggleButton();
    private final ToggleButton camToggle = new ToggleButton();
    private final Label notice = new Label();
    private final TextField goal = new TextField();
    private final Button back = new Button(Texts.get("prejoin.back"), new FontIcon(Material2AL.ARROW_BACK));
    private final Button join = new Button(Texts.get("prejoin.join"), new FontIcon(Material2AL.LOGIN));

    public PreJoinView(PreJoinModel model) {
        this.model = model;
        getStylesheets().add(PreJoinView.class.getResource("prejoin.css").toExternalForm());
        createView();
        init();
    }

    private void createView() {
        setId("prejoin-view");
        setPadding(new Insets(24));
        preview.setId("prejoin-preview");
        cameraOff.getStyleClass().add(Styles.TITLE_3);
        cameraOff.getStyleClass().add("prejoin-camera-off");
        StackPane stage = new StackPane(preview, cameraOff);
        stage.getStyleClass().add("prejoin-stage");
        stage.setMinSize(320, 240);
        stage.setPrefSize(640, 480);
        setCenter(stage);

        Label title = new Label(Texts.get("prejoin.title", model.request().room().name(), model.request().name()));
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        goal.setId("prejoin-goal");
        goal.setPromptText(Texts.get("goal.prompt"));
        goal.setPrefWidth(360);
        goal.setMaxWidth(360); // lined up with the device boxes
        TextLimits.limit(goal, TextRules.MAX_GOAL);
        Label goalLabel = new Label(Texts.get("goal.question"));
        goalLabel.setLabelFor(goal);
        VBox goalBox = new VBox(4, goalLabel, goal);
        camera.setId("camera-choice");
        microphone.setId("microphone-choice");
        speaker.setId("speaker-choice");
        GridPane devices = new GridPane();
        devices.setHgap(8);
        devices.setVgap(8);
        devices.addRow(0, fixed(Texts.get("prejoin.camera")), camera);
        devices.addRow(1, fixed(Texts.get("prejoin.microphone")), microphone);
        level.setId("prejoin-mic-level");
        level.setPrefWidth(270);
        level.setPrefHeight(8);
        levelHint.setId("prejoin-mic-level-hint");
        levelHint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        devices.add(new VBox(4, level, levelHint), 1, 2);
        devices.addRow(3, fixed(Texts.get("prejoin.speaker")), speaker);
        for (ChoiceBox<?> box : new ChoiceBox<?>[] {camera, microphone, speaker}) {
            box.setPrefWidth(270);
        }
        micToggle.setId("prejoin-mic");
        camToggle.setId("prejoin-camera");
        HBox toggles = new HBox(8, micToggle, camToggle);
        notice.setId("prejoin-notice");
        notice.setWrapText(true);
        notice.setMaxWidth(360);
        notice.setGraphic(new FontIcon(Material2MZ.WARNING));
        notice.getStyleClass().add("prejoin-notice");
        back.setId("prejoin-back");
        join.setId("prejoin-join");
        join.getStyleClass().add(Styles.ACCENT);
        join.setDefaultButton(true);
        HBox buttons = new HBox(8, back, join);
        Label loading = new Label(Texts.get("prejoin.starting"));
        loading.visibleProperty().bind(model.readyProperty().not());
        loading.managedProperty().bind(loading.visibleProperty());
        VBox side = new VBox(14, title, goalBox, loading, devices, toggles, notice, buttons);
        side.setAlignment(Pos.TOP_LEFT);
        side.setPadding(new Insets(0, 0, 0, 24));
        side.setPrefWidth(400);
        side.setMinWidth(400);
        setRight(side);
    }

    private void init() {
        preview.setFeed(model.preview());
        camera.setItems(model.cameras());
        model.cameraProperty().addListener((obs, old, now) -> {
            camera.setValue(now);
            // A real camera's self view is a mirror; the synthetic picture's name must stay readable.
            preview.setMirrored(now != null && now.mirrored());
        });
        camera.valueProperty().addListener((obs, old, now) -> model.selectCamera(now));
        follow(microphone, model.microphones(), model.microphoneProperty(), model::selectMicrophone);
        follow(speaker, model.speakers(), model.speakerProperty(), model::selectSpeaker);
        levelTicks.getKeyFrames().add(new KeyFrame(Duration.millis(66), e -> model.refreshLevel()));
        levelTicks.setCycleCount(Animation.INDEFINITE);
        model.meteringProperty().addListener((obs, old, on) -> {
            if (on) {
                levelTicks.play();
            } else {
                levelTicks.stop();
                model.refreshLevel();
            }
            renderLevel();
        });
        model.meterAvailableProperty().addListener((obs, old, on) -> renderLevel());
        level.progressProperty().bind(model.microphoneLevelProperty());
        renderLevel();
        micToggle.setSelected(model.microphoneOnProperty().get());
        micToggle.selectedProperty().addListener((obs, old, on) -> model.setMicrophoneOn(on));
        camToggle.setSelected(model.cameraOnProperty().get());
        camToggle.selectedProperty().addListener((obs, old, on) -> model.setCameraOn(on));
        model.microphoneOnProperty().addListener((obs, old, on) -> renderToggles());
        model.cameraOnProperty().addListener((obs, old, on) -> {
            renderToggles();
            if (!on) {
                preview.clear();
            }
        });
        renderToggles();
        cameraOff.visibleProperty().bind(model.cameraOnProperty().not().or(preview.showingProperty().not()));
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        join.disableProperty().bind(model.readyProperty().not());
        join.setOnAction(e -> {
            join.disableProperty().unbind();
            join.setDisable(true);
            model.join();
        });
        back.setOnAction(e -> model.back());
        goal.textProperty().bindBidirectional(model.goalProperty());
    }

    /**
     * The box shows the model's choice, and the person's pick goes to the model. When the items
     * change under it the box may drop its value; it takes the model's back, so it is never blank.
     */
    private static void follow(ChoiceBox<String> box, ObservableList<String> items,
                               ReadOnlyStringProperty chosen, Consumer<String> select) {
        box.setItems(items);
        box.setValue(chosen.get());
        chosen.addListener((obs, old, now) -> box.setValue(now));
        box.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                select.accept(now);
            } else if (chosen.get() != null && items.contains(chosen.get())) {
                box.setValue(chosen.get());
            }
        });
    }

    private void renderLevel() {
        boolean available = model.meterAvailableProperty().get();
        boolean on = model.meteringProperty().get();
        level.setDisable(!on);
        levelHint.setText(Texts.get(!available ? "prejoin.levelNoMicrophone"
                : on ? "prejoin.levelSpeak" : "prejoin.levelTurnOn"));
    }

    private static Label fixed(String text) {
        Label label = new Label(text);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    private void renderToggles() {
        boolean mic = model.microphoneOnProperty().get();
        micToggle.setText(Texts.get(mic ? "prejoin.microphoneOn" : "prejoin.microphoneOff"));
        micToggle.setGraphic(new FontIcon(mic ? Material2MZ.MIC : Material2MZ.MIC_OFF));
        boolean cam = model.cameraOnProperty().get();
        camToggle.setText(Texts.get(cam ? "prejoin.cameraOn" : "prejoin.cameraOff"));
        camToggle.setGraphic(new FontIcon(cam ? Material2MZ.VIDEOCAM : Material2MZ.VIDEOCAM_OFF));
        if (!cam) {
            cameraOff.setText(Texts.get("prejoin.cameraIsOff"));
        }
    }
}

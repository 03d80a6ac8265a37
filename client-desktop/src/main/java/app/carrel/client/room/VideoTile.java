package app.carrel.client.room;

import app.carrel.client.i18n.Texts;
import app.carrel.client.video.VideoSurface;
import app.carrel.protocol.MediaFlags;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * One participant: their video (mirrored for us), initials when the camera is off, the name,
 * mic-off / camera-off badges, a speaking ring, and a connection dot with statistics.
 */
public final class VideoTile extends StackPane {

    private static final PseudoClass SPEAKER = PseudoClass.getPseudoClass("speaker");

    private final Participant participant;
    private final VideoSurface surface = new VideoSurface();
    private final Label initials = new Label();
    private final Label name = new Label();
    private final FontIcon micOff = new FontIcon(Material2MZ.MIC_OFF);
    private final FontIcon camOff = new FontIcon(Material2MZ.VIDEOCAM_OFF);
    private final Circle dot = new Circle(5);
    private final Tooltip statsTip = new Tooltip();
    private final HBox status = new HBox(6);
    private final Label goal = new Label();
    private final Tooltip goalTip = new Tooltip();
    private final FontIcon checkIn = new FontIcon(org.kordamp.ikonli.material2.Material2AL.CHECK_CIRCLE);

    public VideoTile(Participant participant) {
        this.participant = participant;
        createView();
        init();
    }

    public Participant participant() {
        return participant;
    }

    public VideoSurface surface() {
        return surface;
    }

    private void createView() {
        getStyleClass().add("video-tile");
        setMinSize(80, 60);
        initials.getStyleClass().add("tile-initials");
        name.getStyleClass().add("tile-name");
        name.setText(participant.self() ? Texts.get("room.selfName", participant.name()) : participant.name());
        micOff.getStyleClass().addAll("tile-badge", "mic-off-badge");
        camOff.getStyleClass().addAll("tile-badge", "camera-off-badge");
        dot.getStyleClass().add("quality-dot");
        // Everything sits in one bar along the bottom edge, on dark pills, so it stays legible
        // over any picture and never covers the top of the video (where faces and names are).
        // The goal under the name, cut with "…" (whole in its tooltip); the check-in mark after it.
        goal.getStyleClass().add("tile-goal");
        goal.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        goal.setTooltip(goalTip);
        goal.setMinWidth(0);
        name.setMinWidth(0);
        checkIn.getStyleClass().addAll("tile-badge", "tile-check-in");
        HBox nameLine = new HBox(4, name, checkIn);
        nameLine.setAlignment(Pos.CENTER_LEFT);
        nameLine.setMinWidth(0);
        VBox namePill = new VBox(0, nameLine, goal);
        namePill.getStyleClass().add("tile-pill");
        namePill.setAlignment(Pos.CENTER_LEFT);
        namePill.setMinWidth(0);
        status.getStyleClass().add("tile-pill");
        status.setAlignment(Pos.CENTER);
        if (!participant.self()) {
            status.getChildren().add(dot);
            statsTip.setShowDelay(Duration.millis(200));
            Tooltip.install(status, statsTip);
        }
        status.getChildren().addAll(micOff, camOff);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, namePill, spacer, status);
        bar.setAlignment(Pos.CENTER);
        bar.setMaxHeight(USE_PREF_SIZE);
        bar.setPickOnBounds(false);
        StackPane.setAlignment(bar, Pos.BOTTOM_CENTER);
        StackPane.setMargin(bar, new Insets(6));
        getChildren().addAll(surface, initials, bar);
    }

    private void init() {
        initials.setText(participant.initials());
        surface.setMirrored(participant.mirrored());
        participant.selfViewMirroredProperty().addListener((obs, old, on) -> surface.setMirrored(participant.mirrored()));
        participant.mediaProperty().addListener((obs, old, flags) -> render());
        participant.videoHiddenProperty().addListener((obs, old, hidden) -> render());
        surface.showingProperty().addListener((obs, old, on) -> render());
        participant.speakingProperty().addListener((obs, old, on) ->
                pseudoClassStateChanged(PseudoClass.getPseudoClass("speaking"), on));
        pseudoClassStateChanged(SPEAKER, participant.speakerProperty().get());
        participant.speakerProperty().addListener((obs, old, on) -> pseudoClassStateChanged(SPEAKER, on));
        participant.qualityProperty().addListener((obs, old, q) -> renderQuality());
        statsTip.textProperty().bind(participant.statsProperty());
        participant.goalProperty().addListener((obs, old, text) -> renderGoal());
        participant.checkInProperty().addListener((obs, old, result) -> CheckInMark.show(checkIn, result));
        CheckInMark.show(checkIn, participant.checkInProperty().get());
        renderGoal();
        render();
        renderQuality();
    }

    private void render() {
        MediaFlags flags = participant.mediaProperty().get();
        boolean screen = flags.screen() && !participant.self();
        surface.setFeed(screen ? participant.screen() : participant.camera());
        if (!flags.video() && !screen) {
            surface.clear();
        }
        boolean hidden = participant.videoHiddenProperty().get();
        boolean showVideo = (flags.video() || screen) && surface.showingProperty().get() && !hidden;
        surface.setVisible((flags.video() || screen) && !hidden);
        initials.setVisible(!showVideo);
        micOff.setVisible(!flags.audio());
        micOff.setManaged(!flags.audio());
        camOff.setVisible(!flags.video());
        camOff.setManaged(!flags.video());
        status.setVisible(!participant.self() || !flags.audio() || !flags.video());
    }

    private void renderGoal() {
        String text = participant.goalProperty().get();
        goal.setText(text);
        goalTip.setText(text);
        goal.setVisible(!text.isEmpty());
        goal.setManaged(!text.isEmpty());
    }

    private void renderQuality() {
        dot.getStyleClass().removeAll("good", "fair", "poor", "unknown");
        dot.getStyleClass().add(participant.qualityProperty().get().name().toLowerCase());
    }
}

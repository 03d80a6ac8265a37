package app.carrel.client.room;

import app.carrel.protocol.CheckInResult;
import app.carrel.protocol.Presence;

import app.carrel.client.i18n.Texts;
import app.carrel.protocol.MediaFlags;
import atlantafx.base.theme.Styles;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ObservableLongValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * One person in the participants panel: name (with a check-in mark), goal under it, then
 * focusing / on a break / away, microphone, camera and screen, and time in the room. Our own
 * row has the goal's edit action. A cell is reused for many people as the list scrolls: it
 * follows only the participant it shows now.
 */
final class ParticipantCell extends ListCell<Participant> {

    private final Label name = new Label();
    private final FontIcon checkIn = new FontIcon(Material2AL.CHECK_CIRCLE);
    private final Label goal = new Label();
    private final Tooltip goalTip = new Tooltip();
    private final Button editGoal = new Button(null, new FontIcon(Material2AL.EDIT));
    private final Label presence = new Label();
    private final FontIcon mic = new FontIcon(Material2MZ.MIC);
    private final FontIcon camera = new FontIcon(Material2MZ.VIDEOCAM);
    private final FontIcon screen = new FontIcon(Material2MZ.SCREEN_SHARE);
    private final Tooltip mediaTip = new Tooltip();
    private final Label time = new Label();
    private final HBox row;
    private final ObservableLongValue now;
    private final InvalidationListener changed = this::render;
    private Participant shown;

    /** {@code now}: the panel's clock (epoch ms), ticking each half minute while it is open. */
    ParticipantCell(ObservableLongValue now, Runnable onEditGoal) {
        this.now = now;
        getStyleClass().add("participant-cell");
        name.getStyleClass().addAll("participant-name", Styles.TEXT_BOLD);
        name.setTextOverrun(OverrunStyle.ELLIPSIS);
        checkIn.getStyleClass().add("check-in-mark");
        goal.getStyleClass().addAll("participant-goal", Styles.TEXT_SMALL);
        goal.setTextOverrun(OverrunStyle.ELLIPSIS);
        goal.setTooltip(goalTip);
        editGoal.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "participant-edit-goal");
        editGoal.setTooltip(new Tooltip(Texts.get("goal.editTip")));
        editGoal.setOnAction(e -> onEditGoal.run());
        editGoal.setFocusTraversable(false);
        presence.getStyleClass().addAll("participant-presence", Styles.TEXT_SMALL);
        presence.setMinWidth(Region.USE_PREF_SIZE);
        for (FontIcon icon : new FontIcon[] {mic, camera, screen}) {
            icon.getStyleClass().add("participant-media");
        }
        mic.getStyleClass().add("participant-mic");
        camera.getStyleClass().add("participant-camera");
        screen.getStyleClass().add("participant-screen");
        time.getStyleClass().addAll("participant-time", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        time.setMinWidth(Region.USE_PREF_SIZE);
        HBox nameLine = new HBox(4, name, checkIn);
        nameLine.setAlignment(Pos.CENTER_LEFT);
        HBox goalLine = new HBox(2, goal, editGoal);
        goalLine.setAlignment(Pos.CENTER_LEFT);
        VBox who = new VBox(0, nameLine, goalLine);
        who.setMinWidth(0);
        HBox.setHgrow(who, Priority.ALWAYS);
        HBox media = new HBox(4, mic, camera, screen);
        Tooltip.install(media, mediaTip);
        media.setAlignment(Pos.CENTER);
        media.setMinWidth(Region.USE_PREF_SIZE);
        VBox state = new VBox(2, presence, time);
        state.setAlignment(Pos.CENTER_RIGHT);
        state.setMinWidth(Region.USE_PREF_SIZE);
        row = new HBox(8, who, media, state);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("participant-row");
        // The row is as wide as the list, so a long name or goal is cut with "…", never a
        // horizontal scroll bar.
        setPrefWidth(0);
        now.addListener(changed);
    }

    @Override
    protected void updateItem(Participant p, boolean empty) {
        super.updateItem(p, empty);
        follow(empty ? null : p);
        if (shown == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        render(null);
        setGraphic(row);
    }

    private void follow(Participant p) {
        if (p == shown) {
            return;
        }
        for (Observable o : observed(shown)) {
            o.removeListener(changed);
        }
        shown = p;
        for (Observable o : observed(shown)) {
            o.addListener(changed);
        }
    }

    private static Observable[] observed(Participant p) {
        return p == null ? new Observable[0]
                : new Observable[] {p.goalProperty(), p.presenceProperty(), p.checkInProperty(), p.mediaProperty()};
    }

    private void render(Observable ignored) {
        Participant p = shown;
        if (p == null) {
            return;
        }
        name.setText(p.self() ? Texts.get("room.selfName", p.name()) : p.name());
        String g = p.goalProperty().get();
        goal.setText(g.isEmpty() ? (p.self() ? Texts.get("goal.none") : "") : g);
        goal.getStyleClass().remove(Styles.TEXT_MUTED);
        if (g.isEmpty()) {
            goal.getStyleClass().add(Styles.TEXT_MUTED);
        }
        goalTip.setText(g.isEmpty() ? Texts.get("goal.none") : g);
        boolean hasGoalLine = !g.isEmpty() || p.self();
        goal.getParent().setVisible(hasGoalLine);
        goal.getParent().setManaged(hasGoalLine);
        editGoal.setVisible(p.self());
        editGoal.setManaged(p.self());
        CheckInMark.show(checkIn, p.checkInProperty().get());
        Presence state = p.presenceProperty().get();
        presence.setText(Texts.get("people.presence." + state.name().toLowerCase(java.util.Locale.ROOT)));
        presence.getStyleClass().removeAll("presence-focus", "presence-break", "presence-away");
        presence.getStyleClass().add("presence-" + state.name().toLowerCase(java.util.Locale.ROOT));
        MediaFlags flags = p.mediaProperty().get();
        mic.setIconCode(flags.audio() ? Material2MZ.MIC : Material2MZ.MIC_OFF);
        camera.setIconCode(flags.video() ? Material2MZ.VIDEOCAM : Material2MZ.VIDEOCAM_OFF);
        mic.pseudoClassStateChanged(OFF, !flags.audio());
        camera.pseudoClassStateChanged(OFF, !flags.video());
        screen.setVisible(flags.screen());
        screen.setManaged(flags.screen());
        mediaTip.setText(Texts.get(flags.audio() ? "people.micOn" : "people.micOff") + " · "
                + Texts.get(flags.video() ? "people.cameraOn" : "people.cameraOff")
                + (flags.screen() ? " · " + Texts.get("people.sharing") : ""));
        time.setText(TimeInRoom.format(p.since(), now.get()));
    }

    private static final javafx.css.PseudoClass OFF = javafx.css.PseudoClass.getPseudoClass("off");
}

package app.carrel.client.minitimer;

import app.carrel.client.i18n.Texts;
import app.carrel.client.timer.TimerModel;
import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The small always-on-top window: phase, time left, our microphone. A click brings the main
 * window back; a drag moves it (and is not a click). Undecorated, so it takes no room in the
 * task bar's sense of a window and has no title bar to grab: the whole window is the handle.
 */
final class MiniTimerWindow {

    private static final double MARGIN = 24;
    /** A press that moves less than this is a click. */
    private static final double DRAG_SLOP = 4;

    private final Stage stage = new Stage(StageStyle.UNDECORATED);
    private double pressX;
    private double pressY;
    private double stageX;
    private double stageY;
    private boolean dragged;
    private boolean placed;

    MiniTimerWindow(Window owner, TimerModel timer, ObservableBooleanValue micOn, Runnable bringBack) {
        Label phase = new Label();
        phase.setId("mini-timer-phase");
        phase.textProperty().bind(timer.titleProperty());
        phase.getStyleClass().add(Styles.TEXT_SMALL);
        Label time = new Label();
        time.setId("mini-timer-time");
        time.textProperty().bind(timer.displayProperty());
        time.getStyleClass().add(Styles.TITLE_2);
        Label mic = new Label();
        mic.setId("mini-timer-mic");
        mic.getStyleClass().add(Styles.TEXT_SMALL);
        mic.textProperty().bind(Bindings.when(micOn).then(Texts.get("miniTimer.micOn")).otherwise(Texts.get("miniTimer.micOff")));
        mic.graphicProperty().bind(Bindings.when(micOn).then(new FontIcon(Material2MZ.MIC)).otherwise(new FontIcon(Material2MZ.MIC_OFF)));
        VBox box = new VBox(2, phase, time, mic);
        box.setId("mini-timer");
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(8, 16, 8, 16));
        box.setCursor(Cursor.HAND);
        box.setStyle("-fx-background-color: -color-bg-default; -fx-border-color: -color-accent-emphasis;"
                + " -fx-border-width: 2; -fx-background-radius: 8; -fx-border-radius: 8;");
        Tooltip.install(box, new Tooltip(Texts.get("miniTimer.tip")));
        box.setOnMousePressed(e -> {
            pressX = e.getScreenX();
            pressY = e.getScreenY();
            stageX = stage.getX();
            stageY = stage.getY();
            dragged = false;
        });
        box.setOnMouseDragged(e -> {
            double dx = e.getScreenX() - pressX;
            double dy = e.getScreenY() - pressY;
            if (dragged || Math.abs(dx) > DRAG_SLOP || Math.abs(dy) > DRAG_SLOP) {
                dragged = true;
                stage.setX(stageX + dx);
                stage.setY(stageY + dy);
            }
        });
        box.setOnMouseClicked(e -> {
            if (!dragged) {
                bringBack.run();
            }
        });
        stage.setTitle(Texts.get("miniTimer.title"));
        stage.setAlwaysOnTop(true);
        stage.setResizable(false);
        Scene scene = new Scene(box);
        if (owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        // "Focus" becomes "Focus done — start a break?": the window grows to fit, on screen.
        // Later: the label's skin learns of the new text after this listener (seen: the window
        // kept the old width, "Focus done…").
        phase.textProperty().addListener((obs, old, now) -> Platform.runLater(this::refit));
    }

    private void refit() {
        if (!stage.isShowing()) {
            return;
        }
        double right = stage.getX() + stage.getWidth();
        stage.sizeToScene();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        if (stage.getX() + stage.getWidth() > screen.getMaxX() || right >= screen.getMaxX() - MARGIN - 1) {
            // Kept against the right edge where it was placed (or dragged to).
            stage.setX(Math.max(screen.getMinX(), Math.min(right, screen.getMaxX()) - stage.getWidth()));
        }
    }

    Stage stage() {
        return stage;
    }

    void show() {
        if (stage.isShowing()) {
            return;
        }
        stage.show();
        if (!placed) {
            // Top right of the screen, clear of a panel's edge, the first time; where the
            // person dragged it afterwards.
            placed = true;
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setX(screen.getMaxX() - stage.getWidth() - MARGIN);
            stage.setY(screen.getMinY() + MARGIN);
        } else {
            refit(); // the phase may have changed while it was hidden
        }
    }

    void hide() {
        stage.hide();
    }
}

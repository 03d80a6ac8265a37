package app.carrel.client.status;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A thin strip above the content (never over it, so it cannot hide the call) showing the
 * signaling state in words and colour.
 */
public final class StatusBanner extends HBox {

    private final StatusModel model;
    private final Label label = new Label();
    private final FontIcon icon = new FontIcon();

    public StatusBanner(StatusModel model) {
        this.model = model;
        createView();
        init();
    }

    private void createView() {
        setId("status-banner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setPadding(new Insets(4, 12, 4, 12));
        label.setId("status-text");
        label.getStyleClass().add(Styles.TEXT_SMALL);
        getChildren().addAll(icon, label);
    }

    private void init() {
        label.textProperty().bind(model.textProperty());
        model.kindProperty().addListener((obs, old, kind) -> render(kind));
        render(model.kindProperty().get());
    }

    private void render(StatusModel.Kind kind) {
        getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER, Styles.ACCENT);
        String color;
        switch (kind) {
            case CONNECTED -> {
                icon.setIconCode(Material2AL.CHECK_CIRCLE);
                color = "-color-success-subtle";
            }
            case RECONNECTING -> {
                icon.setIconCode(Material2MZ.SYNC);
                color = "-color-warning-subtle";
            }
            case OFFLINE -> {
                icon.setIconCode(Material2AL.CLOUD_OFF);
                color = "-color-danger-subtle";
            }
            default -> {
                icon.setIconCode(Material2MZ.SYNC);
                color = "-color-accent-subtle";
            }
        }
        setStyle("-fx-background-color: " + color + ";");
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("offline"), kind == StatusModel.Kind.OFFLINE);
    }
}

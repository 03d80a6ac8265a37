package app.carrel.client.status;

import atlantafx.base.theme.Styles;
import javafx.css.PseudoClass;
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
        getStylesheets().add(StatusBanner.class.getResource("status.css").toExternalForm());
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
        switch (kind) {
            case CONNECTED -> icon.setIconCode(Material2AL.CHECK_CIRCLE);
            case RECONNECTING -> icon.setIconCode(Material2MZ.SYNC);
            case OFFLINE -> icon.setIconCode(Material2AL.CLOUD_OFF);
            default -> icon.setIconCode(Material2MZ.SYNC);
        }
        // The colour is status.css's, by these pseudo-classes.
        pseudoClassStateChanged(PseudoClass.getPseudoClass("connected"), kind == StatusModel.Kind.CONNECTED);
        pseudoClassStateChanged(PseudoClass.getPseudoClass("reconnecting"), kind == StatusModel.Kind.RECONNECTING);
        pseudoClassStateChanged(PseudoClass.getPseudoClass("offline"), kind == StatusModel.Kind.OFFLINE);
    }
}

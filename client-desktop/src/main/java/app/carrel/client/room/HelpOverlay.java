package app.carrel.client.room;

import app.carrel.client.i18n.Texts;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The "?" card listing the keyboard shortcuts, over a dimmed room. */
final class HelpOverlay extends StackPane {

    HelpOverlay(RoomModel model) {
        setId("help-overlay");
        setStyle("-fx-background-color: rgba(0,0,0,0.45);");
        GridPane keys = new GridPane();
        keys.setHgap(16);
        keys.setVgap(8);
        String[][] rows = {
                {"M", Texts.get("help.microphone")},
                {"V", Texts.get("help.camera")},
                {"S", Texts.get("help.screen")},
                {Texts.get("help.spaceKey"), Texts.get("help.space")},
                {Texts.get("help.pageKeys"), Texts.get("help.pages")},
                {"?", Texts.get("help.help")},
                {"Esc", Texts.get("help.close")},
        };
        for (int i = 0; i < rows.length; i++) {
            Label key = new Label(rows[i][0]);
            key.getStyleClass().addAll(Styles.TEXT_BOLD, "shortcut-key");
            // In a narrow room the keys stay whole and the descriptions wrap (both were cut).
            key.setMinWidth(USE_PREF_SIZE);
            Label what = new Label(rows[i][1]);
            what.setWrapText(true);
            what.setMinHeight(USE_PREF_SIZE);
            keys.addRow(i, key, what);
        }
        Label title = new Label(Texts.get("help.title"));
        title.getStyleClass().add(Styles.TITLE_3);
        Button close = new Button(Texts.get("help.closeButton"));
        close.setId("help-close");
        close.setOnAction(e -> model.hideHelp());
        VBox card = new VBox(14, title, keys, close);
        card.setPadding(new Insets(24));
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        card.setStyle("-fx-background-color: -color-bg-default; -fx-background-radius: 10;");
        card.getStyleClass().add(Styles.ELEVATED_2);
        setAlignment(Pos.CENTER);
        getChildren().add(card);
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) {
                model.hideHelp();
            }
        });
    }
}

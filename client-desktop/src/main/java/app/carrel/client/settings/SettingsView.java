package app.carrel.client.settings;

import app.carrel.client.window.KeyClosedDialogs;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Settings kept between runs: server, name on it, the certificate a self-hosted wss:// server
 * is trusted by, theme, "mute me during focus", and the
 * devices last chosen before joining (chosen on the pre-join screen, where they can be previewed).
 */
public final class SettingsView extends Dialog<ButtonType> {

    private final SettingsModel model;
    private final TextField server = new TextField();
    private final TextField name = new TextField();
    private final TextField trustCert = new TextField();
    private final ChoiceBox<String> theme = new ChoiceBox<>();
    private final CheckBox muteDuringFocus = new CheckBox("Mute me when a focus session starts");

    private final Runnable onSaved;

    public SettingsView(Window owner, SettingsModel model, Runnable onSaved) {
        this.model = model;
        this.onSaved = onSaved;
        initOwner(owner);
        createView();
        init();
    }

    private void createView() {
        setTitle("Settings");
        setHeaderText("Carrel settings");
        server.setId("settings-server");
        name.setId("settings-name");
        trustCert.setId("settings-trust-cert");
        trustCert.setPromptText("PEM file; empty = the system's trusted authorities");
        theme.setId("settings-theme");
        theme.getItems().addAll(SettingsModel.LIGHT, SettingsModel.DARK);
        muteDuringFocus.setId("settings-mute-during-focus");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label("Server"), server);
        grid.addRow(1, new Label("Your name there"), name);
        grid.addRow(2, new Label("Trusted certificate (wss://)"), trustCert);
        grid.addRow(3, new Label("Theme"), theme);
        grid.addRow(4, new Label("Focus"), muteDuringFocus);
        grid.addRow(5, new Label("Camera"), new Label(orNone(model.cameraProperty().get())));
        grid.addRow(6, new Label("Microphone"), new Label(orNone(model.microphoneProperty().get())));
        grid.addRow(7, new Label("Speaker"), new Label(orNone(model.speakerProperty().get())));
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.OK).setId("settings-ok");
        KeyClosedDialogs.install(this);
    }

    private void init() {
        server.setText(model.serverProperty().get());
        name.setText(model.nameFor(model.serverProperty().get()));
        trustCert.setText(model.trustCertProperty().get());
        theme.setValue(model.themeProperty().get());
        muteDuringFocus.setSelected(model.muteDuringFocusProperty().get());
        setOnHidden(e -> {
            if (getResult() == ButtonType.OK) {
                model.setServer(server.getText().strip());
                if (!name.getText().isBlank()) {
                    model.rememberName(server.getText().strip(), name.getText().strip());
                }
                model.setTrustCert(trustCert.getText());
                model.setTheme(theme.getValue());
                model.setMuteDuringFocus(muteDuringFocus.isSelected());
                onSaved.run();
            }
        });
    }

    private static String orNone(String value) {
        return value == null || value.isEmpty() ? "chosen before joining, or in a room (Camera and sound)" : value;
    }
}

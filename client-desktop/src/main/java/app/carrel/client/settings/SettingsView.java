package app.carrel.client.settings;

import app.carrel.client.i18n.Language;
import app.carrel.client.i18n.Texts;
import app.carrel.client.window.KeyClosedDialogs;
import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Settings kept between runs: server, name on it, the certificate a self-hosted wss:// server
 * is trusted by, theme, language (from the next start: every view reads its words as it is
 * built), "mute me during focus", the timer that follows you, phase-end notifications, where the
 * focus history is kept, and the
 * devices last chosen before joining (chosen on the pre-join screen, where they can be previewed).
 */
public final class SettingsView extends Dialog<ButtonType> {

    private final SettingsModel model;
    private final TextField server = new TextField();
    private final TextField name = new TextField();
    private final TextField trustCert = new TextField();
    private final ChoiceBox<String> theme = new ChoiceBox<>();
    private final ChoiceBox<Language> language = new ChoiceBox<>();
    private final CheckBox muteDuringFocus = new CheckBox(Texts.get("settings.muteDuringFocus"));
    private final CheckBox timerFollows = new CheckBox(Texts.get("settings.timerFollows"));
    private final CheckBox phaseNotifications = new CheckBox(Texts.get("settings.notifications"));
    private final String historyFile;

    private final Runnable onSaved;

    /** @param historyFile where the focus history is kept, shown so a person can find (or back up) it */
    public SettingsView(Window owner, SettingsModel model, String historyFile, Runnable onSaved) {
        this.model = model;
        this.historyFile = historyFile;
        this.onSaved = onSaved;
        initOwner(owner);
        createView();
        init();
    }

    private void createView() {
        setTitle(Texts.get("settings.title"));
        setHeaderText(Texts.get("settings.header"));
        server.setId("settings-server");
        name.setId("settings-name");
        trustCert.setId("settings-trust-cert");
        trustCert.setPromptText(Texts.get("settings.trustCertPrompt"));
        theme.setId("settings-theme");
        theme.getItems().addAll(SettingsModel.LIGHT, SettingsModel.DARK);
        theme.setConverter(shown(name -> Texts.get("settings.theme." + name)));
        language.setId("settings-language");
        language.getItems().addAll(Language.values());
        language.setConverter(shown(Language::displayName));
        Label languageNote = new Label(Texts.get("settings.languageNote"));
        languageNote.setId("settings-language-note");
        languageNote.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        muteDuringFocus.setId("settings-mute-during-focus");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, rowName("settings.server"), server);
        grid.addRow(1, rowName("settings.name"), name);
        grid.addRow(2, rowName("settings.trustCert"), trustCert);
        grid.addRow(3, rowName("settings.theme"), theme);
        grid.addRow(4, rowName("settings.language"), language);
        grid.add(languageNote, 1, 5);
        timerFollows.setId("settings-timer-follows");
        phaseNotifications.setId("settings-phase-notifications");
        grid.addRow(6, rowName("settings.focus"), muteDuringFocus);
        grid.add(timerFollows, 1, 7);
        grid.add(phaseNotifications, 1, 8);
        Label history = new Label(historyFile);
        history.setId("settings-history-file");
        history.getStyleClass().add(Styles.TEXT_MUTED);
        grid.addRow(9, rowName("settings.history"), history);
        grid.addRow(10, rowName("settings.camera"), new Label(orNone(model.cameraProperty().get())));
        grid.addRow(11, rowName("settings.microphone"), new Label(orNone(model.microphoneProperty().get())));
        grid.addRow(12, rowName("settings.speaker"), new Label(orNone(model.speakerProperty().get())));
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
        language.setValue(model.language());
        muteDuringFocus.setSelected(model.muteDuringFocusProperty().get());
        timerFollows.setSelected(model.timerFollowsProperty().get());
        phaseNotifications.setSelected(model.phaseNotificationsProperty().get());
        setOnHidden(e -> {
            if (getResult() == ButtonType.OK) {
                model.setServer(server.getText().strip());
                if (!name.getText().isBlank()) {
                    model.rememberName(server.getText().strip(), name.getText().strip());
                }
                model.setTrustCert(trustCert.getText());
                model.setTheme(theme.getValue());
                model.setLanguage(language.getValue());
                model.setMuteDuringFocus(muteDuringFocus.isSelected());
                model.setTimerFollows(timerFollows.isSelected());
                model.setPhaseNotifications(phaseNotifications.isSelected());
                onSaved.run();
            }
        });
    }

    private static String orNone(String value) {
        return value == null || value.isEmpty() ? Texts.get("settings.deviceNotChosen") : value;
    }

    /** A row's name, never cut short: Korean ones are longer than the English they replaced. */
    private static Label rowName(String key) {
        Label label = new Label(Texts.get(key));
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static <T> StringConverter<T> shown(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("a choice, never typed");
            }
        };
    }
}

package app.carrel.client.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** Applies the AtlantaFX theme the settings name, for the whole application. */
public final class Themes {

    private Themes() {
    }

    public static void apply(String name) {
        Application.setUserAgentStylesheet(SettingsModel.DARK.equals(name)
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}

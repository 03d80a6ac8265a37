package app.carrel.client;

import javafx.application.Application;

/**
 * The main class of a classpath launch. JavaFX refuses to start an Application subclass named
 * as the main class when javafx.graphics is not a module ("JavaFX runtime components are
 * missing"); a plain class that launches it does not trip that check.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }
}

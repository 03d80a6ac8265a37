package app.carrel.client;

import app.carrel.client.settings.SettingsModel;
import app.carrel.client.settings.SettingsStore;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desktop window: settings from the user's config folder, then the lobby. Options:
 * {@code --server=ws://host:port/signal} (remembered),
 * {@code --trust-cert=server.pem} to trust a self-hosted wss:// server's own certificate
 * (remembered; empty = the JVM's trust store), {@code --room=NAME --name=NAME} to go to
 * that room's pre-join screen when the lobby lists it, {@code --join} to also enter by itself,
 * {@code --share-screen} to share the screen once in a room.
 */
public final class App extends Application {

    private Shell shell;

    @Override
    public void start(Stage stage) {
        SettingsModel settings = SettingsModel.load(SettingsStore.forUser());
        String server = getParameters().getNamed().get("server");
        if (server != null) {
            settings.setServer(server);
        }
        String trustCert = getParameters().getNamed().get("trust-cert");
        if (trustCert != null) {
            settings.setTrustCert(trustCert); // remembered, like --server
        }
        shell = new Shell(settings);
        String room = getParameters().getNamed().get("room");
        String name = getParameters().getNamed().get("name");
        if (room != null && name != null) {
            shell.joinWhenListed(room, name, getParameters().getUnnamed().contains("--join"));
        }
        if (getParameters().getUnnamed().contains("--share-screen")) {
            shell.shareScreenOnEntry();
        }
        Scene scene = new Scene(shell, 1180, 760);
        stage.setTitle("Carrel");
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.show();
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        }
    }
}

package app.carrel.client.room;

import app.carrel.client.call.CallConfig;
import app.carrel.client.call.CallEngine;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.CameraDevice;
import app.carrel.client.media.MediaFactory;
import app.carrel.client.prejoin.CameraChoice;
import app.carrel.client.status.StatusModel;
import atlantafx.base.theme.PrimerLight;
import java.net.URI;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/**
 * A room view on a stage of its own for the Monocle tests, as Ada: a real engine that never
 * connects (so a request sent fails, and the people arrive as the engine would report them),
 * devices that never answer. The stage is made large and shrunk by the tests: Monocle's headless
 * painter cannot grow a window past the size its pixel buffer was made for.
 */
record RoomStage(CallEngine engine, RoomModel model, RoomView view, Stage stage) {

    /** On the FX thread (a TestFX {@code @Start}); {@code showVideoOf}: where the tiles in view go. */
    static RoomStage open(boolean micOn, Consumer<Collection<String>> showVideoOf, double width, double height) {
        CallEngine engine = new CallEngine(CallConfig.builder(URI.create("ws://127.0.0.1:9/signal"), "Ada").build(),
                MediaFactory.create(new AudioBackend(AudioBackend.Kind.HEADLESS, "test")));
        Stage stage = new Stage();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        RoomModel model = new RoomModel(engine, new StatusModel(), "Ada", micOn, true, () -> false, showVideoOf);
        DevicesModel devices = new DevicesModel(new DevicesModel.Remembered(c -> { }, m -> { }, s -> { }),
                new CameraChoice("Webcam", CameraDevice.named("Webcam", "/dev/video0")), "Mic", null,
                CompletableFuture::new, choice -> new CompletableFuture<>(),
                (m, s) -> CompletableFuture.completedFuture(null), on -> { }, Platform::runLater);
        RoomView view = new RoomView(model, devices, new CheckBox(), link -> { }, () -> { });
        stage.setScene(new Scene(view, width, height));
        stage.show();
        return new RoomStage(engine, model, view, stage);
    }

    void close(FxRobot robot) {
        robot.interact(() -> {
            view.dispose();
            stage.close();
        });
        engine.close();
    }
}

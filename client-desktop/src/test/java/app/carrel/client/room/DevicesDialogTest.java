package app.carrel.client.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.CameraDevice;
import app.carrel.client.prejoin.CameraChoice;
import app.carrel.client.prejoin.Devices;
import app.carrel.client.prejoin.PreJoinMedia;
import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Camera and sound" in the room under Monocle: the boxes show what is in use and follow the model. */
@ExtendWith(ApplicationExtension.class)
class DevicesDialogTest {

    private static final CameraChoice WEBCAM = new CameraChoice("Webcam", CameraDevice.named("Webcam", "/dev/video0"));

    private final List<CameraChoice> switchedTo = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> switched = new CompletableFuture<>();
    private final CompletableFuture<PreJoinMedia.Found> listing = new CompletableFuture<>();
    private final DevicesModel model = new DevicesModel(
            new DevicesModel.Remembered(c -> { }, m -> { }, s -> { }),
            new CameraChoice("Webcam", CameraDevice.named("Webcam", "/dev/video0")), "USB Mic", null,
            () -> listing,
            choice -> {
                switchedTo.add(choice);
                return switched;
            },
            (m, s) -> CompletableFuture.completedFuture(null),
            on -> { }, Platform::runLater);
    private Stage stage;
    private DevicesDialog dialog;

    @Start
    void start(Stage primary) {
        stage = new Stage();
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            if (dialog != null) {
                dialog.close();
            }
            stage.close();
            return null;
        });
    }

    @Test
    void theBoxesShowTheDevicesInUseOnceListedAndAFailedSwitchPutsTheOldCameraBack(FxRobot robot) throws Exception {
        fx(() -> {
            dialog = new DevicesDialog(stage, model);
            dialog.show();
            return null;
        });
        ComboBox<CameraChoice> camera = robot.lookup("#devices-camera").queryComboBox();
        ComboBox<String> microphone = robot.lookup("#devices-microphone").queryComboBox();
        ComboBox<String> speaker = robot.lookup("#devices-speaker").queryComboBox();
        assertTrue(camera.isDisabled(), "nothing to pick before the listing");
        listing.complete(new PreJoinMedia.Found(new AudioBackend(AudioBackend.Kind.DEVICE, "PulseAudio answered"),
                List.of(WEBCAM, CameraChoice.SYNTHETIC), List.of(Devices.SYSTEM_DEFAULT, "USB Mic"),
                List.of(Devices.SYSTEM_DEFAULT, "Speakers")));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("Webcam", fx(() -> camera.getValue().label()));
        assertEquals("USB Mic", fx(microphone::getValue));
        assertEquals(Devices.SYSTEM_DEFAULT, fx(speaker::getValue));
        assertFalse(fx(camera::isDisabled));

        fx(() -> {
            camera.setValue(CameraChoice.SYNTHETIC);
            return null;
        });
        assertEquals(List.of(CameraChoice.SYNTHETIC), switchedTo);
        assertTrue(fx(camera::isDisabled), "one switch at a time");
        switched.completeExceptionally(new IllegalStateException("The camera could not start"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Webcam", fx(() -> camera.getValue().label()));
        assertFalse(fx(camera::isDisabled));
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(5, TimeUnit.SECONDS);
    }
}

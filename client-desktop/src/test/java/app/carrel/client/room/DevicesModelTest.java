package app.carrel.client.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.CameraDevice;
import app.carrel.client.prejoin.CameraChoice;
import app.carrel.client.prejoin.Devices;
import app.carrel.client.prejoin.PreJoinMedia;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Camera and sound during a call, over recorded switches: results are delivered when the test
 * completes them, on the test's own thread, so each step is checked right after it.
 */
class DevicesModelTest {

    private static final AudioBackend PULSE = new AudioBackend(AudioBackend.Kind.DEVICE, "PulseAudio answered");
    private static final CameraChoice WEBCAM = webcam();

    private final List<String> remembered = new ArrayList<>();
    private final List<CameraChoice> switchedTo = new ArrayList<>();
    private final List<CompletableFuture<Void>> switches = new ArrayList<>();
    private final List<String> audio = new ArrayList<>();
    private final List<Boolean> mirrored = new ArrayList<>();
    private final CompletableFuture<PreJoinMedia.Found> listing = new CompletableFuture<>();

    private DevicesModel model(CameraChoice camera, String microphone, String speaker) {
        return new DevicesModel(
                new DevicesModel.Remembered(c -> remembered.add("camera=" + c), m -> remembered.add("microphone=" + m),
                        s -> remembered.add("speaker=" + s)),
                camera, microphone, speaker,
                () -> listing,
                choice -> {
                    switchedTo.add(choice);
                    CompletableFuture<Void> done = new CompletableFuture<>();
                    switches.add(done);
                    return done;
                },
                (m, s) -> {
                    audio.add(m + " / " + s);
                    return CompletableFuture.completedFuture(null);
                },
                mirrored::add, Runnable::run);
    }

    private static PreJoinMedia.Found found(AudioBackend backend, List<CameraChoice> cameras, String... microphones) {
        return new PreJoinMedia.Found(backend, cameras, Arrays.asList(microphones),
                List.of(Devices.SYSTEM_DEFAULT, "Speakers"));
    }

    private static CameraChoice webcam() {
        return new CameraChoice("Webcam", CameraDevice.named("Webcam", "/dev/video0"));
    }

    @Test
    void theChoicesAreTheListedOnesWithThoseInUseSelected() {
        // The call's camera came from an earlier listing: another object, the same label.
        DevicesModel model = model(webcam(), "USB Mic", null);
        model.refresh();
        assertFalse(model.readyProperty().get());
        listing.complete(found(PULSE, List.of(WEBCAM, CameraChoice.SYNTHETIC), Devices.SYSTEM_DEFAULT, "USB Mic", "Headset"));

        assertTrue(model.readyProperty().get());
        assertEquals(List.of(WEBCAM, CameraChoice.SYNTHETIC), model.cameras());
        assertSame(WEBCAM, model.cameraProperty().get(), "the listed camera, so the box shows it selected");
        assertEquals("USB Mic", model.microphoneProperty().get());
        assertEquals(Devices.SYSTEM_DEFAULT, model.speakerProperty().get());
        assertEquals("", model.hintProperty().get());
        assertEquals(List.of(), switchedTo, "showing the choices changes nothing");
        assertEquals(List.of(), audio);
    }

    @Test
    void aPickedCameraIsSwitchedToThenMirroredAndRemembered() {
        DevicesModel model = model(WEBCAM, null, null);
        model.refresh();
        listing.complete(found(PULSE, List.of(WEBCAM, CameraChoice.SYNTHETIC), Devices.SYSTEM_DEFAULT));

        model.selectCamera(CameraChoice.SYNTHETIC);
        assertEquals(List.of(CameraChoice.SYNTHETIC), switchedTo);
        assertTrue(model.switchingProperty().get());
        model.selectCamera(WEBCAM);
        assertEquals(1, switchedTo.size(), "one switch at a time");
        assertEquals(List.of(), remembered, "remembered once it runs");

        switches.get(0).complete(null);
        assertFalse(model.switchingProperty().get());
        assertEquals(CameraChoice.SYNTHETIC, model.cameraProperty().get());
        assertEquals(List.of(false), mirrored, "the synthetic picture is not shown as in a mirror");
        assertEquals(List.of("camera=Synthetic camera"), remembered);

        model.selectCamera(WEBCAM);
        switches.get(1).complete(null);
        assertEquals(List.of(false, true), mirrored);
    }

    @Test
    void aCameraThatCannotStartIsUnpickedAndNotRemembered() {
        DevicesModel model = model(WEBCAM, null, null);
        model.refresh();
        listing.complete(found(PULSE, List.of(WEBCAM, CameraChoice.SYNTHETIC), Devices.SYSTEM_DEFAULT));

        model.selectCamera(CameraChoice.SYNTHETIC);
        switches.get(0).completeExceptionally(new IllegalStateException("The camera could not start"));
        assertSame(WEBCAM, model.cameraProperty().get());
        assertFalse(model.switchingProperty().get());
        assertEquals(List.of(), remembered);
        assertEquals(List.of(), mirrored);
    }

    @Test
    void aPickedMicrophoneOrSpeakerIsUsedAtOnceAndRemembered() {
        DevicesModel model = model(WEBCAM, null, null);
        model.refresh();
        listing.complete(found(PULSE, List.of(WEBCAM), Devices.SYSTEM_DEFAULT, "USB Mic", "Headset"));

        model.selectMicrophone("Headset");
        model.selectSpeaker("Speakers");
        model.selectSpeaker("Speakers");
        model.selectMicrophone("Not listed");
        model.selectMicrophone(Devices.SYSTEM_DEFAULT);
        assertEquals(List.of("Headset / null", "Headset / Speakers", "null / Speakers"), audio);
        assertEquals(List.of("microphone=Headset", "speaker=Speakers", "microphone="), remembered,
                "the system's default is remembered as no choice");
    }

    @Test
    void withoutASoundSystemOrACameraTheHintSaysSoAndNothingIsPicked() {
        DevicesModel model = model(CameraChoice.SYNTHETIC, null, null);
        model.selectMicrophone(Devices.NO_MICROPHONE);
        model.refresh();
        AudioBackend headless = new AudioBackend(AudioBackend.Kind.HEADLESS, "no PulseAudio socket");
        listing.complete(new PreJoinMedia.Found(headless, List.of(CameraChoice.SYNTHETIC),
                List.of(Devices.NO_MICROPHONE), List.of(Devices.NO_SPEAKER)));

        assertEquals(Devices.NO_MICROPHONE, model.microphoneProperty().get());
        assertEquals(Devices.NO_SPEAKER, model.speakerProperty().get());
        assertTrue(model.hintProperty().get().contains(DevicesModel.NO_SOUND));
        assertTrue(model.hintProperty().get().contains(DevicesModel.NO_CAMERA));
        model.selectCamera(CameraChoice.SYNTHETIC);
        model.selectMicrophone(Devices.NO_MICROPHONE);
        assertEquals(List.of(), switchedTo);
        assertEquals(List.of(), audio);
    }

    @Test
    void aListingThatFailsSaysSoAndOffersNothing() {
        DevicesModel model = model(WEBCAM, null, null);
        model.refresh();
        listing.completeExceptionally(new IllegalStateException("native listing failed"));
        assertEquals(DevicesModel.NOT_LISTED, model.hintProperty().get());
        model.selectCamera(CameraChoice.SYNTHETIC);
        assertEquals(List.of(), switchedTo);
    }
}

package app.carrel.client.prejoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.NoLeaksExtension;
import app.carrel.client.lobby.JoinRequest;
import app.carrel.client.settings.SettingsModel;
import app.carrel.client.settings.SettingsStore;
import app.carrel.protocol.Room;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-join screen's model over a recorded media stack: results are delivered at once (the
 * "FX thread" is the test's own), so every step is checked right after it, with no waiting.
 */
@ExtendWith(NoLeaksExtension.class)
class PreJoinModelTest {

    @TempDir
    Path dir;

    private final FakePreJoinMedia media = new FakePreJoinMedia();
    private final List<JoinPlan> joined = new ArrayList<>();
    private final AtomicInteger backs = new AtomicInteger();
    private SettingsModel settings;

    private PreJoinModel model() {
        settings = settings != null ? settings : SettingsModel.load(new SettingsStore(dir));
        JoinRequest request = new JoinRequest(URI.create("ws://127.0.0.1:7000/signal"), "127.0.0.1:7000",
                new Room("r1", "Study Hall", 1, 4, false), "Ada", null, null);
        return new PreJoinModel(request, settings, feed -> media, Runnable::run, joined::add, backs::incrementAndGet);
    }

    private PreJoinModel started(PreJoinMedia.Found found) {
        PreJoinModel model = model();
        model.start();
        media.started.complete(found);
        return model;
    }

    @Test
    void eachDeviceListIsOneKeptView() {
        PreJoinModel model = model();
        // A fresh unmodifiable view per call is held by its list only weakly: the box's listener
        // on it went with it, and the box stayed blank.
        assertSame(model.microphones(), model.microphones());
        assertSame(model.speakers(), model.speakers());
        assertSame(model.cameras(), model.cameras());
    }

    @Test
    void aListenerOnTheMicrophonesHearsTheListArriveAfterACollection() {
        PreJoinModel model = model();
        AtomicInteger changes = new AtomicInteger();
        model.microphones().addListener((ListChangeListener<String>) c -> changes.incrementAndGet());
        System.gc();
        model.start();
        media.started.complete(FakePreJoinMedia.withSound(List.of(Devices.SYSTEM_DEFAULT, "USB Mic")));
        assertEquals(1, changes.get(), "changes heard on the microphone list");
    }

    @Test
    void theRememberedDevicesAreChosenWhenTheyAreStillThere() {
        settings = SettingsModel.load(new SettingsStore(dir));
        settings.setMicrophone("USB Mic");
        settings.setSpeaker("Headphones");
        settings.setCamera("Synthetic camera");
        PreJoinModel model = started(FakePreJoinMedia.withSound(List.of(Devices.SYSTEM_DEFAULT, "USB Mic")));
        assertEquals("USB Mic", model.microphoneProperty().get());
        assertEquals("Headphones", model.speakerProperty().get());
        assertSame(CameraChoice.SYNTHETIC, model.cameraProperty().get());
        assertTrue(model.readyProperty().get());
    }

    @Test
    void aRememberedMicrophoneThatIsGoneFallsBackToTheSystemDefaultNotABlank() {
        settings = SettingsModel.load(new SettingsStore(dir));
        settings.setMicrophone("Unplugged Mic");
        PreJoinModel model = started(FakePreJoinMedia.withSound(List.of(Devices.SYSTEM_DEFAULT, "USB Mic")));
        assertEquals(Devices.SYSTEM_DEFAULT, model.microphoneProperty().get());
        assertEquals("Unplugged Mic", settings.microphoneProperty().get(), "kept for when it is back");
    }

    @Test
    void withoutASoundSystemTheBoxesSayNoneFoundAndTheNoticeSpeaksPlainly() {
        PreJoinModel model = started(FakePreJoinMedia.withoutSound());
        assertEquals(Devices.NO_MICROPHONE, model.microphoneProperty().get());
        assertEquals(Devices.NO_SPEAKER, model.speakerProperty().get());
        String notice = model.noticeProperty().get();
        assertTrue(notice.startsWith(PreJoinModel.NO_SOUND), notice);
        assertTrue(notice.contains(PreJoinModel.NO_CAMERA), notice);
        for (String jargon : List.of("PulseAudio", "PULSE_SERVER", "XDG_RUNTIME_DIR", "headless", "socket")) {
            assertFalse(notice.contains(jargon), "'" + jargon + "' in: " + notice);
        }
        assertFalse(model.meterAvailableProperty().get(), "a meter with no microphone");
    }

    @Test
    void aPlaceholderNeverReplacesTheRememberedMicrophone() {
        settings = SettingsModel.load(new SettingsStore(dir));
        settings.setMicrophone("USB Mic");
        PreJoinModel model = started(FakePreJoinMedia.withoutSound());
        model.selectMicrophone(Devices.NO_MICROPHONE);
        assertEquals("USB Mic", settings.microphoneProperty().get());
    }

    @Test
    void theMeterListensOnlyWhileTheMicrophoneIsOnAndFollowsTheChosenOne() {
        PreJoinModel model = started(FakePreJoinMedia.withSound(List.of(Devices.SYSTEM_DEFAULT, "USB Mic")));
        assertEquals(List.of("start", "preview Webcam", "meter off"), media.take(), "the microphone starts closed");
        assertTrue(model.meterAvailableProperty().get());
        assertFalse(model.meteringProperty().get());

        model.setMicrophoneOn(true);
        assertEquals(List.of("meter on System default"), media.take());
        assertTrue(model.meteringProperty().get());
        media.level = 0.1; // -20 dBFS, ordinary speech
        model.refreshLevel();
        assertEquals(2.0 / 3, model.microphoneLevelProperty().get(), 1e-9);

        model.selectMicrophone("USB Mic");
        assertEquals(List.of("meter on USB Mic"), media.take());
        assertEquals("USB Mic", settings.microphoneProperty().get(), "remembered for next time");

        model.setMicrophoneOn(false);
        assertEquals(List.of("meter off"), media.take());
        assertFalse(model.meteringProperty().get());
        assertEquals(0, model.microphoneLevelProperty().get());
        model.refreshLevel();
        assertEquals(0, model.microphoneLevelProperty().get(), "a closed microphone reads nothing");
    }

    @Test
    void aMicrophoneThatCannotBeMeteredIsSaidAfterWhatTheListingFound() {
        PreJoinModel model = started(new PreJoinMedia.Found(FakePreJoinMedia.withSound(List.of(Devices.SYSTEM_DEFAULT)).audio(),
                List.of(CameraChoice.SYNTHETIC), List.of(Devices.SYSTEM_DEFAULT), List.of(Devices.SYSTEM_DEFAULT)));
        media.meterFails = true;
        model.setMicrophoneOn(true);
        String notice = model.noticeProperty().get();
        assertTrue(notice.startsWith(PreJoinModel.NO_CAMERA), notice);
        assertTrue(notice.contains("level can't be shown"), notice);
        assertFalse(notice.contains("Init recording"), notice);
    }

    @Test
    void theMeterReadsSpeechOnADecibelScale() {
        assertEquals(0, PreJoinModel.meterScale(0));
        assertEquals(0, PreJoinModel.meterScale(0.0005), "below -60 dBFS is empty");
        assertEquals(1, PreJoinModel.meterScale(1));
        assertTrue(PreJoinModel.meterScale(0.01) > 0.2, "quiet speech (-40 dBFS) moves the bar");
        assertEquals(0, PreJoinModel.meterScale(Double.NaN));
    }

    @Test
    void turningTheCameraOffClosesThePreviewAndOnOpensTheChosenOne() {
        PreJoinModel model = started(FakePreJoinMedia.withSound(List.of(Devices.SYSTEM_DEFAULT)));
        media.take();
        model.setCameraOn(false);
        model.selectCamera(CameraChoice.SYNTHETIC);
        model.setCameraOn(true);
        assertEquals(List.of("preview off", "preview off", "preview Synthetic camera"), media.take());
        assertEquals("Synthetic camera", settings.cameraProperty().get());
    }

    @Test
    void joiningHandsTheMediaOnWithThePlanAndStopsTheMeter() {
        PreJoinModel model = started(FakePreJoinMedia.withSound(List.of(Devices.SYSTEM_DEFAULT, "USB Mic")));
        model.setMicrophoneOn(true);
        model.selectSpeaker("Headphones");
        media.take();
        model.join();
        model.join();
        model.back();
        assertEquals(List.of("handOver"), media.take(), "handed over once, never also released");
        assertEquals(1, joined.size());
        JoinPlan plan = joined.get(0);
        assertTrue(plan.microphoneOn());
        assertTrue(plan.cameraOn());
        assertSame(FakePreJoinMedia.WEBCAM, plan.camera());
        assertNull(plan.microphone(), "the system default is no device name for the engine");
        assertEquals("Headphones", plan.speaker());
        assertFalse(model.meteringProperty().get());
        assertEquals(0, backs.get());
    }

    @Test
    void joiningBeforeTheDevicesAreListedDoesNothing() {
        PreJoinModel model = model();
        model.start();
        model.join();
        assertEquals(List.of("start"), media.take());
        assertTrue(joined.isEmpty());
    }

    @Test
    void goingBackWhileLoadingReleasesOnceAndIgnoresTheLateDevices() {
        PreJoinModel model = model();
        model.start();
        model.back();
        model.back();
        model.release();
        media.started.complete(FakePreJoinMedia.withSound(List.of(Devices.SYSTEM_DEFAULT)));
        assertEquals(List.of("start", "release"), media.take(), "no preview or meter opened after going back");
        assertEquals(1, backs.get());
        assertTrue(model.microphones().isEmpty());
        assertFalse(model.readyProperty().get());
    }

    @Test
    void aFailedStartIsANoticeAndNoJoin() {
        PreJoinModel model = model();
        model.start();
        media.started.completeExceptionally(new IllegalStateException("libwebrtc: no such symbol"));
        String notice = model.noticeProperty().get();
        assertNotNull(notice);
        assertTrue(notice.startsWith("The camera and sound could not start"), notice);
        assertFalse(notice.contains("libwebrtc"), notice);
        assertFalse(model.readyProperty().get());
    }

    @Test
    void onlyARealCameraIsMirrored() {
        assertTrue(FakePreJoinMedia.WEBCAM.mirrored(), "a camera's self view is a mirror");
        assertFalse(CameraChoice.SYNTHETIC.mirrored(), "the synthetic picture's name must read forwards");
    }
}

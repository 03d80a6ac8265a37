package app.carrel.client.room;

import app.carrel.client.i18n.Texts;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.prejoin.CameraChoice;
import app.carrel.client.prejoin.Devices;
import app.carrel.client.prejoin.PreJoinMedia;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camera, microphone and speaker during a call: the choices the pre-join screen lists, the ones
 * in use selected. A pick applies at once and is remembered for next time; a camera that cannot
 * start is un-picked again (the engine's notice says why). Takes functions, not the engine, so it
 * is tested on its own. FX thread only; listing and switching happen elsewhere and come back
 * through {@code fx}.
 */
public final class DevicesModel {

    static final String NO_SOUND = Texts.get("devices.noSound");
    static final String SIMULATED_SOUND = Texts.get("devices.simulatedSound");
    static final String NO_CAMERA = Texts.get("devices.noCamera");
    static final String NOT_LISTED = Texts.get("devices.notListed");

    private static final Logger log = LoggerFactory.getLogger(DevicesModel.class);

    private final Remembered remembered;
    private final Supplier<CompletableFuture<PreJoinMedia.Found>> lister;
    private final Function<CameraChoice, CompletableFuture<Void>> switchCamera;
    private final BiFunction<String, String, CompletableFuture<Void>> useAudio;
    private final Consumer<Boolean> selfViewMirrored;
    private final Executor fx;
    private final ObservableList<CameraChoice> cameras = FXCollections.observableArrayList();
    private final ObservableList<String> microphones = FXCollections.observableArrayList();
    private final ObservableList<String> speakers = FXCollections.observableArrayList();
    // Kept views: a fresh unmodifiable view is held by its list only weakly (see PreJoinModel).
    private final ObservableList<CameraChoice> camerasView = FXCollections.unmodifiableObservableList(cameras);
    private final ObservableList<String> microphonesView = FXCollections.unmodifiableObservableList(microphones);
    private final ObservableList<String> speakersView = FXCollections.unmodifiableObservableList(speakers);
    private final ReadOnlyObjectWrapper<CameraChoice> camera = new ReadOnlyObjectWrapper<>(this, "camera");
    private final ReadOnlyStringWrapper microphone = new ReadOnlyStringWrapper(this, "microphone");
    private final ReadOnlyStringWrapper speaker = new ReadOnlyStringWrapper(this, "speaker");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyBooleanWrapper switching = new ReadOnlyBooleanWrapper(this, "switching");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    // The devices in use by name as the engine knows them (null: the system's default).
    private String microphoneInUse;
    private String speakerInUse;

    /**
     * Where picks are kept for next time (the settings; room/ does not reach into settings/, the
     * shell hands these in): the camera by label, the devices by name ("" for the default).
     */
    public record Remembered(Consumer<String> camera, Consumer<String> microphone, Consumer<String> speaker) {
    }

    /**
     * {@code camera}, {@code microphone} and {@code speaker} are the ones the call started with
     * (names null: the system's default); {@code lister} lists this machine's devices off the FX
     * thread; {@code switchCamera} and {@code useAudio} (names, null: default) change them in the
     * call; {@code selfViewMirrored} follows the camera in use.
     */
    public DevicesModel(Remembered remembered, CameraChoice camera, String microphone, String speaker,
                        Supplier<CompletableFuture<PreJoinMedia.Found>> lister,
                        Function<CameraChoice, CompletableFuture<Void>> switchCamera,
                        BiFunction<String, String, CompletableFuture<Void>> useAudio,
                        Consumer<Boolean> selfViewMirrored, Executor fx) {
        this.remembered = remembered;
        this.lister = lister;
        this.switchCamera = switchCamera;
        this.useAudio = useAudio;
        this.selfViewMirrored = selfViewMirrored;
        this.fx = fx;
        this.camera.set(camera);
        this.microphoneInUse = microphone;
        this.speakerInUse = speaker;
    }

    public ObservableList<CameraChoice> cameras() {
        return camerasView;
    }

    public ObservableList<String> microphones() {
        return microphonesView;
    }

    public ObservableList<String> speakers() {
        return speakersView;
    }

    /** The camera in use; during a switch, the one being switched to. */
    public ReadOnlyObjectProperty<CameraChoice> cameraProperty() {
        return camera.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty microphoneProperty() {
        return microphone.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty speakerProperty() {
        return speaker.getReadOnlyProperty();
    }

    /** True once the devices are listed; choices wait for it. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** True while a camera switch is under way: one at a time. */
    public ReadOnlyBooleanProperty switchingProperty() {
        return switching.getReadOnlyProperty();
    }

    /** What this machine lacks, in a person's words ("" when it has it all). */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    /** Lists the devices again (each time the choices are shown: one may have been plugged in). */
    public void refresh() {
        lister.get().whenComplete((found, error) -> fx.execute(() -> {
            if (error != null) {
                log.warn("Listing devices in the room failed", error);
                hint.set(NOT_LISTED);
                return;
            }
            listed(found);
        }));
    }

    private void listed(PreJoinMedia.Found found) {
        cameras.setAll(found.cameras());
        microphones.setAll(found.microphones());
        speakers.setAll(found.speakers());
        CameraChoice current = camera.get();
        // Listing makes new device objects: the camera in use is found again by its label.
        found.cameras().stream().filter(c -> current != null && c.label().equals(current.label())).findFirst()
                .ifPresent(camera::set);
        microphone.set(inList(found.microphones(), microphoneInUse));
        speaker.set(inList(found.speakers(), speakerInUse));
        hint.set(hintFor(found));
        ready.set(true);
    }

    /** The person picked a camera: switched now, remembered once it runs. */
    public void selectCamera(CameraChoice choice) {
        CameraChoice before = camera.get();
        if (choice == null || !ready.get() || switching.get() || (before != null && choice.label().equals(before.label()))) {
            return;
        }
        camera.set(choice);
        switching.set(true);
        switchCamera.apply(choice).whenComplete((v, error) -> fx.execute(() -> {
            switching.set(false);
            if (error != null) {
                log.warn("Switching to the camera '{}' failed: {}", choice.label(), error.toString());
                camera.set(before);
                return;
            }
            selfViewMirrored.accept(choice.mirrored());
            remembered.camera().accept(choice.label());
        }));
    }

    public void selectMicrophone(String name) {
        if (picked(name, microphones, microphone)) {
            remembered.microphone().accept(asRemembered(name));
            applyAudio();
        }
    }

    public void selectSpeaker(String name) {
        if (picked(name, speakers, speaker)) {
            remembered.speaker().accept(asRemembered(name));
            applyAudio();
        }
    }

    private boolean picked(String name, List<String> names, ReadOnlyStringWrapper choice) {
        if (name == null || !ready.get() || !names.contains(name) || name.equals(choice.get())) {
            return false;
        }
        choice.set(name);
        return true;
    }

    private void applyAudio() {
        microphoneInUse = Devices.deviceName(microphone.get());
        speakerInUse = Devices.deviceName(speaker.get());
        useAudio.apply(microphoneInUse, speakerInUse).whenComplete((v, error) -> {
            if (error != null) { // what the engine could not honour it says itself, as a notice
                log.warn("Changing audio devices failed: {}", error.toString());
            }
        });
    }

    /** "System default" is remembered as no choice (""), as on the pre-join screen. */
    private static String asRemembered(String name) {
        return Devices.deviceName(name) != null ? name : "";
    }

    /** The device in use as listed; the default (or the placeholder) first in the list otherwise. */
    private static String inList(List<String> names, String inUse) {
        return inUse != null && names.contains(inUse) ? inUse : names.isEmpty() ? null : names.get(0);
    }

    private static String hintFor(PreJoinMedia.Found found) {
        StringBuilder text = new StringBuilder();
        if (found.audio().kind() == AudioBackend.Kind.HEADLESS) {
            text.append(NO_SOUND).append(' ');
        } else if (found.audio().synthetic()) {
            text.append(SIMULATED_SOUND).append(' ');
        }
        if (found.cameras().stream().allMatch(c -> c.device() == null)) {
            text.append(NO_CAMERA);
        }
        return text.toString().strip();
    }
}

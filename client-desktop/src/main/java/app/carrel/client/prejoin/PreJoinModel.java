package app.carrel.client.prejoin;

import app.carrel.client.lobby.JoinRequest;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.LocalVideo;
import app.carrel.client.media.MediaFactory;
import app.carrel.client.media.VideoFormat;
import app.carrel.client.settings.SettingsModel;
import app.carrel.client.video.PreviewedCamera;
import app.carrel.client.video.VideoFeed;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
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
 * The moment before entering: camera preview, device choice, microphone (off by default: study
 * rooms are quiet) and camera switches. Native setup runs on workers; properties change on the
 * FX thread. Owns the media factory until {@link #join()} hands it on or {@link #back()} frees it.
 */
public final class PreJoinModel {

    private static final Logger log = LoggerFactory.getLogger(PreJoinModel.class);

    private final JoinRequest request;
    private final SettingsModel settings;
    private final Consumer<JoinPlan> onJoin;
    private final Runnable onBack;
    private final VideoFeed preview = new VideoFeed();
    private final ObservableList<CameraChoice> cameras = FXCollections.observableArrayList();
    private final ObservableList<String> microphones = FXCollections.observableArrayList();
    private final ObservableList<String> speakers = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CameraChoice> camera = new ReadOnlyObjectWrapper<>(this, "camera");
    private final ReadOnlyBooleanWrapper microphoneOn = new ReadOnlyBooleanWrapper(this, "microphoneOn", false);
    private final ReadOnlyBooleanWrapper cameraOn = new ReadOnlyBooleanWrapper(this, "cameraOn", true);
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    // Native objects are made and freed on this one worker, in order: a preview camera is
    // always closed before its factory. The two *OnWorker fields belong to it alone.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "carrel-prejoin-media");
        thread.setDaemon(true);
        return thread;
    });
    private MediaFactory factoryOnWorker;
    private LocalVideo previewOnWorker;
    // FX-thread state.
    private MediaFactory factory;
    private boolean done;
    private String microphone;
    private String speaker;

    public PreJoinModel(JoinRequest request, SettingsModel settings, Consumer<JoinPlan> onJoin, Runnable onBack) {
        this.request = request;
        this.settings = settings;
        this.onJoin = onJoin;
        this.onBack = onBack;
    }

    public JoinRequest request() {
        return request;
    }

    public VideoFeed preview() {
        return preview;
    }

    public ObservableList<CameraChoice> cameras() {
        return FXCollections.unmodifiableObservableList(cameras);
    }

    public ObservableList<String> microphones() {
        return FXCollections.unmodifiableObservableList(microphones);
    }

    public ObservableList<String> speakers() {
        return FXCollections.unmodifiableObservableList(speakers);
    }

    public ReadOnlyObjectProperty<CameraChoice> cameraProperty() {
        return camera.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty microphoneOnProperty() {
        return microphoneOn.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cameraOnProperty() {
        return cameraOn.getReadOnlyProperty();
    }

    /** True once the media stack is up and devices are listed. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** Missing devices or failures, in words for the person. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Loads the media stack and lists devices off the FX thread, then starts the preview. */
    public void start() {
        CompletableFuture.supplyAsync(() -> {
            MediaFactory created = MediaFactory.createForSystem();
            AudioBackend audio = created.audioBackend();
            factoryOnWorker = created;
            return new Setup(created, Devices.cameras(), Devices.microphones(audio), Devices.speakers(audio));
        }, worker).whenComplete((setup, error) -> Platform.runLater(() -> {
            if (error != null) {
                log.error("Media setup failed", error);
                notice.set("Audio and video could not start: " + error.getMessage());
                return;
            }
            if (done) {
                return;
            }
            factory = setup.factory;
            cameras.setAll(setup.cameras);
            microphones.setAll(setup.microphones);
            speakers.setAll(setup.speakers);
            notice.set(noticeFor(setup));
            selectCamera(setup.cameras.stream()
                    .filter(c -> c.label().equals(settings.cameraProperty().get()))
                    .findFirst().orElse(setup.cameras.get(0)));
            ready.set(true);
        }));
    }

    public void selectCamera(CameraChoice choice) {
        if (choice == null || factory == null || choice.equals(camera.get())) {
            return;
        }
        camera.set(choice);
        settings.setCamera(choice.label());
        restartPreview();
    }

    /** Used in the room (the engine picks it before audio starts) and remembered for next time. */
    public void selectMicrophone(String name) {
        if (name != null) {
            microphone = name;
            settings.setMicrophone(name);
        }
    }

    public void selectSpeaker(String name) {
        if (name != null) {
            speaker = name;
            settings.setSpeaker(name);
        }
    }

    /** The remembered device when it is still there, else the first. */
    public String preferred(java.util.List<String> names, boolean microphone) {
        String remembered = (microphone ? settings.microphoneProperty() : settings.speakerProperty()).get();
        return names.contains(remembered) ? remembered : names.isEmpty() ? null : names.get(0);
    }

    public void setMicrophoneOn(boolean on) {
        microphoneOn.set(on);
    }

    public void setCameraOn(boolean on) {
        cameraOn.set(on);
        restartPreview();
    }

    /** Enters the room: the preview is closed and the factory handed on with the plan. */
    public void join() {
        if (factory == null || done) {
            return;
        }
        done = true;
        CameraChoice chosen = camera.get() != null ? camera.get() : CameraChoice.SYNTHETIC;
        JoinPlan plan = new JoinPlan(request, factory, chosen, microphoneOn.get(), cameraOn.get(),
                device(microphone, Devices.NO_MICROPHONE), device(speaker, Devices.NO_SPEAKER));
        factory = null;
        CompletableFuture.runAsync(() -> {
            closePreview();
            factoryOnWorker = null;
        }, worker).whenComplete((v, e) -> Platform.runLater(() -> onJoin.accept(plan)));
        worker.shutdown();
    }

    public void back() {
        if (done) {
            return;
        }
        release();
        onBack.run();
    }

    /** Frees the preview and the factory (window closing, or going back). Idempotent. */
    public void release() {
        if (done) {
            return;
        }
        done = true;
        factory = null;
        worker.execute(() -> {
            closePreview();
            if (factoryOnWorker != null) {
                factoryOnWorker.close();
                factoryOnWorker = null;
            }
        });
        worker.shutdown();
    }

    private void restartPreview() {
        CameraChoice choice = camera.get();
        boolean on = cameraOn.get();
        if (choice == null || done) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            closePreview();
            if (on && factoryOnWorker != null) {
                LocalVideo opened = new PreviewedCamera(factoryOnWorker, choice.open(VideoFormat.DEFAULT, request.name()), preview);
                previewOnWorker = opened;
                opened.start();
            }
        }, worker).whenComplete((v, error) -> {
            if (error != null) {
                log.warn("Camera preview failed", error);
                Platform.runLater(() -> notice.set("The camera '" + choice.label() + "' could not start: " + error.getMessage()));
            }
        });
    }

    private void closePreview() {
        closeQuietly(previewOnWorker);
        previewOnWorker = null;
    }

    private static void closeQuietly(LocalVideo video) {
        if (video != null) {
            try {
                video.close();
            } catch (RuntimeException e) {
                log.warn("Closing the preview camera failed: {}", e.toString());
            }
        }
    }

    /** A real device's name; null for "none found", which is a label, not a device. */
    static String device(String chosen, String placeholder) {
        return chosen == null || chosen.equals(placeholder) ? null : chosen;
    }

    private static String noticeFor(Setup setup) {
        StringBuilder text = new StringBuilder();
        if (setup.factory.audioBackend().headless()) {
            text.append("No audio server (").append(setup.factory.audioBackend().reason())
                    .append("): others will not hear you and you will not hear them. ");
        }
        if (setup.cameras.size() == 1 && setup.cameras.get(0).device() == null) {
            text.append("No camera found: others see a synthetic picture with your name.");
        }
        return text.toString().strip();
    }

    private record Setup(MediaFactory factory, List<CameraChoice> cameras, List<String> microphones,
                         List<String> speakers) {
    }
}

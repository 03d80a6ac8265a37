package app.carrel.client.prejoin;

import app.carrel.client.i18n.Texts;
import app.carrel.client.lobby.JoinRequest;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.settings.SettingsModel;
import app.carrel.client.video.VideoFeed;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import app.carrel.protocol.TextRules;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moment before entering: camera preview, device choice with a microphone level, microphone
 * (off by default: study rooms are quiet) and camera switches. The media stack works on its own
 * thread; everything here is FX-thread state, and results come back through {@code fx}. Owns the
 * media until {@link #join()} hands the factory on or {@link #back()} frees it.
 */
public final class PreJoinModel {

    static final String NO_SOUND = Texts.get("prejoin.noSound");
    static final String SIMULATED_SOUND = Texts.get("prejoin.simulatedSound");
    static final String NO_CAMERA = Texts.get("prejoin.noCamera");

    private static final Logger log = LoggerFactory.getLogger(PreJoinModel.class);

    private final JoinRequest request;
    private final SettingsModel settings;
    private final Executor fx;
    private final Consumer<JoinPlan> onJoin;
    private final Runnable onBack;
    private final VideoFeed preview = new VideoFeed();
    private final PreJoinMedia media;
    private final ObservableList<CameraChoice> cameras = FXCollections.observableArrayList();
    private final ObservableList<String> microphones = FXCollections.observableArrayList();
    private final ObservableList<String> speakers = FXCollections.observableArrayList();
    // One read-only view per list, kept for good: such a view listens to its list only weakly, so
    // a fresh one per call, held by nothing but the listener put on it, was collected and the
    // boxes it should have filled stayed blank.
    private final ObservableList<CameraChoice> camerasView = FXCollections.unmodifiableObservableList(cameras);
    private final ObservableList<String> microphonesView = FXCollections.unmodifiableObservableList(microphones);
    private final ObservableList<String> speakersView = FXCollections.unmodifiableObservableList(speakers);
    private final ReadOnlyObjectWrapper<CameraChoice> camera = new ReadOnlyObjectWrapper<>(this, "camera");
    private final ReadOnlyStringWrapper microphone = new ReadOnlyStringWrapper(this, "microphone");
    private final ReadOnlyStringWrapper speaker = new ReadOnlyStringWrapper(this, "speaker");
    private final ReadOnlyBooleanWrapper microphoneOn = new ReadOnlyBooleanWrapper(this, "microphoneOn", false);
    private final ReadOnlyBooleanWrapper cameraOn = new ReadOnlyBooleanWrapper(this, "cameraOn", true);
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyBooleanWrapper meterAvailable = new ReadOnlyBooleanWrapper(this, "meterAvailable");
    private final ReadOnlyBooleanWrapper metering = new ReadOnlyBooleanWrapper(this, "metering");
    private final ReadOnlyDoubleWrapper microphoneLevel = new ReadOnlyDoubleWrapper(this, "microphoneLevel");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    /** "What are you working on?": the last goal, offered again; sent on join, kept for next time. */
    private final StringProperty goal = new SimpleStringProperty(this, "goal", "");
    // What the listing found to say; a later problem is said after it, not instead of it.
    private String listedNotice = "";
    private boolean done;

    public PreJoinModel(JoinRequest request, SettingsModel settings, Consumer<JoinPlan> onJoin, Runnable onBack) {
        this(request, settings, feed -> new NativePreJoinMedia(feed, request.name()), Platform::runLater, onJoin, onBack);
    }

    /** {@code media} is made for the preview's feed; {@code fx} runs on the FX thread. */
    PreJoinModel(JoinRequest request, SettingsModel settings, Function<VideoFeed, PreJoinMedia> media, Executor fx,
                 Consumer<JoinPlan> onJoin, Runnable onBack) {
        this.request = request;
        this.settings = settings;
        this.media = media.apply(preview);
        this.fx = fx;
        this.onJoin = onJoin;
        this.onBack = onBack;
        goal.set(settings.goalProperty().get());
    }

    /** The session goal as typed; the view's field edits it. */
    public StringProperty goalProperty() {
        return goal;
    }

    public JoinRequest request() {
        return request;
    }

    public VideoFeed preview() {
        return preview;
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

    public ReadOnlyObjectProperty<CameraChoice> cameraProperty() {
        return camera.getReadOnlyProperty();
    }

    /** Always one of {@link #microphones()} once ready: a device, "System default" or "No microphone found". */
    public ReadOnlyStringProperty microphoneProperty() {
        return microphone.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty speakerProperty() {
        return speaker.getReadOnlyProperty();
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

    /** False without a real microphone to meter (no sound system): the meter shows disabled. */
    public ReadOnlyBooleanProperty meterAvailableProperty() {
        return meterAvailable.getReadOnlyProperty();
    }

    /** True while the microphone is open for the meter: there is a meter and the switch is on. */
    public ReadOnlyBooleanProperty meteringProperty() {
        return metering.getReadOnlyProperty();
    }

    /** The microphone's level for the meter, 0..1 on a decibel scale; see {@link #refreshLevel()}. */
    public ReadOnlyDoubleProperty microphoneLevelProperty() {
        return microphoneLevel.getReadOnlyProperty();
    }

    /** Missing devices or failures, in words for the person (details go to the log). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Loads the media stack and lists devices off the FX thread, then starts the preview. */
    public void start() {
        media.start().whenComplete((found, error) -> fx.execute(() -> {
            if (done) {
                return;
            }
            if (error != null) {
                log.error("Media setup failed", error);
                notice.set(Texts.get("prejoin.mediaFailed"));
                return;
            }
            listed(found);
        }));
    }

    private void listed(PreJoinMedia.Found found) {
        cameras.setAll(found.cameras());
        microphones.setAll(found.microphones());
        speakers.setAll(found.speakers());
        microphone.set(preferred(found.microphones(), settings.microphoneProperty().get()));
        speaker.set(preferred(found.speakers(), settings.speakerProperty().get()));
        meterAvailable.set(found.audio().kind() == AudioBackend.Kind.DEVICE);
        listedNotice = noticeFor(found);
        notice.set(listedNotice);
        String remembered = settings.cameraProperty().get();
        camera.set(found.cameras().stream().filter(c -> c.label().equals(remembered)).findFirst()
                .orElse(found.cameras().get(0)));
        restartPreview();
        restartMeter();
        ready.set(true);
    }

    /** The person picked a camera: shown now, remembered for next time. */
    public void selectCamera(CameraChoice choice) {
        if (choice == null || !ready.get() || done || choice.equals(camera.get())) {
            return;
        }
        camera.set(choice);
        settings.setCamera(choice.label());
        restartPreview();
    }

    /** Used in the room (the engine picks it before audio starts), metered now, remembered for next time. */
    public void selectMicrophone(String name) {
        if (chosen(name, microphones, microphone)) {
            settings.setMicrophone(remembered(name));
            restartMeter();
        }
    }

    public void selectSpeaker(String name) {
        if (chosen(name, speakers, speaker)) {
            settings.setSpeaker(remembered(name));
        }
    }

    private boolean chosen(String name, List<String> names, ReadOnlyStringWrapper choice) {
        if (name == null || done || !names.contains(name) || name.equals(choice.get())) {
            return false;
        }
        choice.set(name);
        return true;
    }

    /** "System default" is remembered as no choice (""); "No microphone found" never replaces one. */
    private String remembered(String name) {
        return Devices.deviceName(name) != null ? name : "";
    }

    public void setMicrophoneOn(boolean on) {
        if (done || microphoneOn.get() == on) {
            return;
        }
        microphoneOn.set(on);
        restartMeter();
    }

    public void setCameraOn(boolean on) {
        if (done || cameraOn.get() == on) {
            return;
        }
        cameraOn.set(on);
        restartPreview();
    }

    /** FX thread, a few times a second while {@link #meteringProperty()} holds: reads the level. */
    public void refreshLevel() {
        microphoneLevel.set(metering.get() ? meterScale(media.level()) : 0);
    }

    /** Enters the room: the preview and meter are closed and the factory handed on with the plan. */
    public void join() {
        if (!ready.get() || done) {
            return;
        }
        finish();
        CameraChoice chosen = camera.get() != null ? camera.get() : CameraChoice.SYNTHETIC;
        boolean micOn = microphoneOn.get();
        boolean camOn = cameraOn.get();
        String mic = Devices.deviceName(microphone.get());
        String out = Devices.deviceName(speaker.get());
        String declared = TextRules.goal(goal.get() == null ? "" : goal.get());
        if (declared == null) { // the field's limit keeps this from happening; never send what the server refuses
            declared = "";
        }
        settings.setGoal(declared);
        String sent = declared;
        media.handOver().whenComplete((factory, error) -> fx.execute(() -> {
            if (error != null) {
                log.error("Handing the media on failed", error);
                media.release();
                onBack.run();
                return;
            }
            onJoin.accept(new JoinPlan(request, factory, chosen, micOn, camOn, mic, out, sent));
        }));
    }

    public void back() {
        if (done) {
            return;
        }
        release();
        onBack.run();
    }

    /** Frees the preview, the meter and the factory (window closing, or going back). Idempotent. */
    public void release() {
        if (done) {
            return;
        }
        finish();
        media.release();
    }

    private void finish() {
        done = true;
        metering.set(false);
        microphoneLevel.set(0);
    }

    private void restartPreview() {
        CameraChoice choice = camera.get();
        media.preview(cameraOn.get() ? choice : null).whenComplete((v, error) -> {
            if (error != null) {
                log.warn("Camera preview of '{}' failed", choice.label(), error);
                fx.execute(() -> problem(Texts.get("prejoin.cameraFailed", choice)));
            }
        });
    }

    private void restartMeter() {
        boolean on = meterAvailable.get() && microphoneOn.get();
        metering.set(on);
        if (!on) {
            microphoneLevel.set(0);
        }
        String device = Devices.deviceName(microphone.get());
        media.meter(on, device).whenComplete((v, error) -> {
            if (error != null) {
                log.warn("Metering microphone {} failed", device, error);
                fx.execute(() -> problem(Texts.get("prejoin.meterFailed")));
            }
        });
    }

    private void problem(String text) {
        notice.set((listedNotice + " " + text).strip());
    }

    /** The remembered device when it is still there, else the first (the default, or the placeholder). */
    static String preferred(List<String> names, String remembered) {
        return names.contains(remembered) ? remembered : names.isEmpty() ? null : names.get(0);
    }

    /**
     * RMS to the meter's 0..1 as ears hear it, on decibels: -60 dBFS and below is empty, full scale
     * full, so quiet speech (about -40 dBFS) still moves the bar.
     */
    static double meterScale(double rms) {
        if (!(rms > 0)) {
            return 0;
        }
        double db = 20 * Math.log10(rms);
        return Math.max(0, Math.min(1, (db + 60) / 60));
    }

    private static String noticeFor(PreJoinMedia.Found found) {
        StringBuilder text = new StringBuilder();
        if (found.audio().kind() == AudioBackend.Kind.HEADLESS) {
            log.info("No sound in pre-join: {}", found.audio().reason());
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

package app.carrel.client.room;

import app.carrel.client.call.CallEngine;
import app.carrel.client.i18n.Texts;
import app.carrel.protocol.MediaFlags;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our microphone, camera and screen share in a room, with push-to-talk. A switch shows at once
 * (on our own tile too) and is undone, with a notice, if the engine refuses it. FX thread only.
 */
public final class MediaControls {

    private static final Logger log = LoggerFactory.getLogger(MediaControls.class);

    private final CallEngine engine;
    private final Participant self;
    private final Consumer<String> notice;
    private final BooleanSupplier canShareScreen;
    /** True in a quiet room: the microphone stays off, whatever is pressed. */
    private final BooleanSupplier quiet;
    private final ReadOnlyBooleanWrapper microphoneOn = new ReadOnlyBooleanWrapper(this, "microphoneOn");
    private final ReadOnlyBooleanWrapper cameraOn = new ReadOnlyBooleanWrapper(this, "cameraOn");
    private final ReadOnlyBooleanWrapper screenOn = new ReadOnlyBooleanWrapper(this, "screenOn");
    private final ReadOnlyBooleanWrapper pushToTalk = new ReadOnlyBooleanWrapper(this, "pushToTalk");

    MediaControls(CallEngine engine, Participant self, Consumer<String> notice, BooleanSupplier quiet) {
        this(engine, self, notice, () -> {
            String display = System.getenv("DISPLAY");
            return display != null && !display.isBlank();
        }, quiet);
    }

    MediaControls(CallEngine engine, Participant self, Consumer<String> notice, BooleanSupplier canShareScreen,
                  BooleanSupplier quiet) {
        this.engine = engine;
        this.quiet = quiet;
        this.canShareScreen = canShareScreen;
        this.self = self;
        this.notice = notice;
        MediaFlags initial = self.mediaProperty().get();
        microphoneOn.set(initial.audio());
        cameraOn.set(initial.video());
    }

    public ReadOnlyBooleanProperty microphoneOnProperty() {
        return microphoneOn.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cameraOnProperty() {
        return cameraOn.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty screenOnProperty() {
        return screenOn.getReadOnlyProperty();
    }

    /** True while Space holds the microphone open. */
    public ReadOnlyBooleanProperty pushToTalkProperty() {
        return pushToTalk.getReadOnlyProperty();
    }

    /** In a quiet room, turning it on only says why it stays off (M, Space, a mute request). */
    public void toggleMicrophone() {
        if (!microphoneOn.get() && refusedAsQuiet()) {
            return;
        }
        setMicrophone(!microphoneOn.get());
    }

    public void toggleCamera() {
        boolean on = !cameraOn.get();
        cameraOn.set(on);
        showOnOwnTile();
        command(engine.setCamera(on), "camera", () -> cameraOn.set(!on));
    }

    public void toggleScreenShare() {
        boolean on = !screenOn.get();
        if (on && !canShareScreen.getAsBoolean()) {
            // webrtc-java's desktop capture needs an X11 display; without one it can take the
            // whole JVM down, so it is never attempted.
            notice.accept(Texts.get("media.noDisplay"));
            return;
        }
        screenOn.set(on);
        command(on ? engine.startScreenShare() : engine.stopScreenShare(), "screen", () -> screenOn.set(!on));
    }

    /** Space down while muted opens the microphone; Space up always closes it again. */
    public void pushToTalk(boolean down) {
        if (down) {
            if (!microphoneOn.get() && !pushToTalk.get() && !refusedAsQuiet()) {
                pushToTalk.set(true);
                setMicrophone(true);
            }
        } else if (pushToTalk.get()) {
            pushToTalk.set(false);
            setMicrophone(false);
        }
    }

    /** "Mute me during focus": a focus session started. True when it muted us. */
    boolean muteForFocus() {
        if (!microphoneOn.get()) {
            return false;
        }
        pushToTalk.set(false);
        setMicrophone(false);
        return true;
    }

    /** The room became quiet (or we joined one): our microphone goes off, as the server expects. */
    void quietRoom() {
        pushToTalk.set(false);
        if (!microphoneOn.get()) {
            return;
        }
        microphoneOn.set(false);
        showOnOwnTile();
        // Never undone: the server keeps us muted in a quiet room whatever the engine manages.
        engine.setMicrophone(false).whenComplete((v, error) -> {
            if (error != null) {
                log.warn("Muting for a quiet room failed: {}", error.toString());
            }
        });
    }

    private boolean refusedAsQuiet() {
        if (quiet.getAsBoolean()) {
            notice.accept(Texts.get("room.quietNotice"));
            return true;
        }
        return false;
    }

    private void setMicrophone(boolean on) {
        microphoneOn.set(on);
        showOnOwnTile();
        command(engine.setMicrophone(on), "microphone", () -> microphoneOn.set(!on));
    }

    private void showOnOwnTile() {
        self.setMedia(new MediaFlags(microphoneOn.get(), cameraOn.get(), screenOn.get()));
    }

    /** {@code what}: "camera", "microphone" or "screen", for the log and the notice's key. */
    private void command(CompletableFuture<Void> result, String what, Runnable undo) {
        result.whenComplete((v, error) -> Platform.runLater(() -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                log.warn("{} failed: {}", what, cause.toString());
                undo.run();
                showOnOwnTile();
                notice.accept(Texts.get("media.failed." + what, cause.getMessage()));
            }
        }));
    }
}

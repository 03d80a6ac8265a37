package app.carrel.client.prejoin;

import app.carrel.client.i18n.Texts;
import app.carrel.client.media.AudioBackend;
import app.carrel.client.fx.Background;
import app.carrel.client.media.CameraDevice;
import app.carrel.client.media.SystemDevices;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this machine has. Native listing runs on a worker thread with a deadline: webrtc-java's
 * audio listing hangs forever when no PulseAudio server runs, so it is not even attempted when
 * the engine chose the headless audio module. Call off the FX thread, after the media factory
 * has loaded the native library.
 */
public final class Devices {

    // Placeholders shown in the person's language; never remembered, so a new language is safe.
    /** First in each list on the real audio module: whatever the system uses (null to the engine). */
    public static final String SYSTEM_DEFAULT = Texts.get("prejoin.systemDefault");
    /** The only entry without a sound system (headless or synthetic audio): not a device. */
    public static final String NO_MICROPHONE = Texts.get("prejoin.noMicrophone");
    public static final String NO_SPEAKER = Texts.get("prejoin.noSpeaker");

    private static final Logger log = LoggerFactory.getLogger(Devices.class);

    private Devices() {
    }

    /** The cameras found, then the synthetic camera (first when there is no real one). */
    public static List<CameraChoice> cameras() {
        List<CameraChoice> choices = new ArrayList<>();
        for (CameraDevice device : within(SystemDevices::cameras, "cameras")) {
            choices.add(new CameraChoice(device.name(), device));
        }
        choices.add(CameraChoice.SYNTHETIC);
        return choices;
    }

    public static List<String> microphones(AudioBackend backend) {
        return backend.headless() ? List.of(NO_MICROPHONE)
                : withDefault(within(SystemDevices::microphones, "microphones"));
    }

    public static List<String> speakers(AudioBackend backend) {
        return backend.headless() ? List.of(NO_SPEAKER)
                : withDefault(within(SystemDevices::speakers, "speakers"));
    }

    /** The name the engine is given for a choice: null for a placeholder (the default, or none). */
    public static String deviceName(String choice) {
        return choice == null || isPlaceholder(choice) ? null : choice;
    }

    static boolean isPlaceholder(String choice) {
        return choice.equals(SYSTEM_DEFAULT) || choice.equals(NO_MICROPHONE) || choice.equals(NO_SPEAKER);
    }

    /** Never empty: a listing that failed still leaves the system's default to use. */
    private static List<String> withDefault(List<String> devices) {
        List<String> names = new ArrayList<>();
        names.add(SYSTEM_DEFAULT);
        devices.stream().filter(n -> !isPlaceholder(n)).forEach(names::add);
        return names;
    }

    private static <T> List<T> within(Supplier<List<T>> lister, String what) {
        CompletableFuture<List<T>> listing = Background.supply(lister);
        try {
            return listing.get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Listing {} failed or hung: {}", what, e.toString());
            return List.of();
        }
    }
}

package app.carrel.client.prejoin;

import app.carrel.client.media.AudioBackend;
import app.carrel.client.media.CameraDevice;
import app.carrel.client.media.MediaFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The media stack as a recording: what the model asked of it, in order ("preview Webcam",
 * "meter on System default", "handOver", …). {@link #started} completes when the test says so.
 */
final class FakePreJoinMedia implements PreJoinMedia {

    static final CameraChoice WEBCAM = new CameraChoice("Webcam", CameraDevice.named("Webcam", "/dev/video0"));

    final CompletableFuture<Found> started = new CompletableFuture<>();
    final List<String> calls = new ArrayList<>();
    double level;
    boolean meterFails;

    static Found withSound(List<String> microphones) {
        return new Found(new AudioBackend(AudioBackend.Kind.DEVICE, "PulseAudio answered"),
                List.of(WEBCAM, CameraChoice.SYNTHETIC), microphones, List.of(Devices.SYSTEM_DEFAULT, "Headphones"));
    }

    /** What the native stack lists without a sound system: placeholders, and no camera. */
    static Found withoutSound() {
        AudioBackend headless = new AudioBackend(AudioBackend.Kind.HEADLESS,
                "no PulseAudio socket (PULSE_SERVER and XDG_RUNTIME_DIR unset or not local)");
        return new Found(headless, List.of(CameraChoice.SYNTHETIC), Devices.microphones(headless), Devices.speakers(headless));
    }

    @Override
    public CompletableFuture<Found> start() {
        calls.add("start");
        return started;
    }

    @Override
    public CompletableFuture<Void> preview(CameraChoice camera) {
        calls.add(camera == null ? "preview off" : "preview " + camera.label());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> meter(boolean on, String microphone) {
        calls.add(on ? "meter on " + (microphone == null ? Devices.SYSTEM_DEFAULT : microphone) : "meter off");
        return on && meterFails ? CompletableFuture.failedFuture(new Error("Init recording failed"))
                : CompletableFuture.completedFuture(null);
    }

    @Override
    public double level() {
        return level;
    }

    @Override
    public CompletableFuture<MediaFactory> handOver() {
        calls.add("handOver");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void release() {
        calls.add("release");
    }

    /** The calls since the last look, so each step of a test sees only what it caused. */
    List<String> take() {
        List<String> taken = List.copyOf(calls);
        calls.clear();
        return taken;
    }
}

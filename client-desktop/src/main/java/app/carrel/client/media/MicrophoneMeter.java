package app.carrel.client.media;

import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioSink;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How loud the microphone is before a call, 0..1 (fast attack, slow release, as the call's meters).
 * It records with an audio module of its own: a device microphone's audio never reaches track
 * sinks (it goes from the module straight to the send streams, see call/LocalMedia), and the
 * factory's module has one audio callback, which belongs to the call. Only for the real (PulseAudio)
 * module: without an audio server, making a module hangs or aborts the JVM (see AudioServerProbe).
 * Made, and closed, on one thread; {@link #level()} from any.
 */
public final class MicrophoneMeter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MicrophoneMeter.class);

    private final AudioDeviceModule module;
    private final Sink sink = new Sink();
    private boolean closed;

    private MicrophoneMeter(AudioDeviceModule module) {
        this.module = module;
    }

    /** Starts recording the named microphone (null, or one that is gone: the system's default). */
    public static MicrophoneMeter open(String microphone) {
        NativeLibrary.prepare();
        AudioDeviceModule module = new AudioDeviceModule();
        MicrophoneMeter meter = new MicrophoneMeter(module);
        try {
            // A module records nothing until a device is set ("Init recording failed"); the first
            // it lists is PulseAudio's default ("default: <name>").
            List<AudioDevice> devices = module.getRecordingDevices();
            if (devices.isEmpty()) {
                throw new IllegalStateException("no microphone listed");
            }
            module.setRecordingDevice(devices.stream()
                    .filter(d -> d.getName().equals(microphone))
                    .findFirst()
                    .orElse(devices.get(0)));
            module.setAudioSink(meter.sink);
            module.initRecording();
            module.startRecording();
        } catch (RuntimeException | Error e) {
            meter.close();
            throw e;
        }
        log.info("Metering microphone {}", microphone == null ? "(system default)" : microphone);
        return meter;
    }

    public double level() {
        return sink.level;
    }

    /** Stops recording and frees the module (with it the sink). Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            module.stopRecording();
        } catch (RuntimeException | Error e) {
            log.warn("Stopping the microphone meter failed: {}", e.toString());
        }
        module.dispose();
    }

    /** RMS of 16-bit samples; fed on a native audio thread, where nothing may be thrown. */
    static final class Sink implements AudioSink {

        volatile double level;

        @Override
        public void onRecordedData(byte[] samples, int frames, int bytesPerFrame, int channels,
                                   int sampleRate, int delayMs, int clockDrift) {
            try {
                int count = samples.length / 2;
                if (count == 0 || bytesPerFrame != 2 * channels) {
                    return;
                }
                double sum = 0;
                for (int i = 0; i + 1 < samples.length; i += 2) {
                    short s = (short) ((samples[i] & 0xFF) | (samples[i + 1] << 8));
                    sum += (double) s * s;
                }
                double rms = Math.sqrt(sum / count) / 32768.0;
                double last = level;
                level = rms > last ? rms : last * 0.9 + rms * 0.1;
            } catch (Throwable e) {
                log.error("Microphone meter failed", e);
            }
        }
    }
}

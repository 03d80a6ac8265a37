package app.carrel.client.call;

import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The level of one audio stream, 0..1, as a meter people can read: fast attack, slow release.
 * A sink on a remote track, or on our own microphone's track; it is fed on a native audio
 * thread, so it catches everything and keeps only a volatile level, read by the engine thread.
 */
final class LevelMeter implements AudioTrackSink {

    private static final Logger log = LoggerFactory.getLogger(LevelMeter.class);

    private final String whose;
    private volatile double level;

    LevelMeter(String whose) {
        this.whose = whose;
    }

    double level() {
        return level;
    }

    @Override
    public void onData(byte[] data, int bitsPerSample, int sampleRate, int channels, int frames) {
        try {
            if (bitsPerSample != 16 || data.length < 2) {
                return;
            }
            double sum = 0;
            int samples = data.length / 2;
            for (int i = 0; i + 1 < data.length; i += 2) {
                short s = (short) ((data[i] & 0xFF) | (data[i + 1] << 8));
                sum += (double) s * s;
            }
            double rms = Math.sqrt(sum / samples) / 32768.0;
            level = rms > level ? rms : level * 0.9 + rms * 0.1;
        } catch (Throwable e) {
            log.error("Audio level meter for {} failed", whose, e);
        }
    }
}

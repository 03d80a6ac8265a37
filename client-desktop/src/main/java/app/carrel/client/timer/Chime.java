package app.carrel.client.timer;

import app.carrel.client.fx.Background;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A soft two-note chime, generated (no sound file), played on a worker. Without an audio device
 * Java Sound throws; that is logged once and the visible banner carries the news alone.
 */
public final class Chime {

    private static final Logger log = LoggerFactory.getLogger(Chime.class);
    private static final float RATE = 44_100f;
    private static volatile boolean warned;

    private Chime() {
    }

    public static void play() {
        Background.run(Chime::playNow);
    }

    static byte[] samples() {
        double[] notes = {880.0, 659.25};
        int perNote = (int) (RATE * 0.35);
        byte[] pcm = new byte[perNote * notes.length * 2];
        int at = 0;
        for (double freq : notes) {
            for (int i = 0; i < perNote; i++) {
                double envelope = Math.exp(-4.0 * i / perNote);
                short s = (short) (Math.sin(2 * Math.PI * freq * i / RATE) * envelope * 0.3 * Short.MAX_VALUE);
                pcm[at++] = (byte) s;
                pcm[at++] = (byte) (s >> 8);
            }
        }
        return pcm;
    }

    private static void playNow() {
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            byte[] pcm = samples();
            line.write(pcm, 0, pcm.length);
            line.drain();
        } catch (Exception | LinkageError e) {
            if (!warned) {
                warned = true;
                log.info("No sound for the timer chime ({}); the banner still shows", e.toString());
            }
        }
    }
}

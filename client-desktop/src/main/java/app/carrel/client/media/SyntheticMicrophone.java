package app.carrel.client.media;

import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A microphone for bots and tests: a soft tone in speech-like bursts, pushed every 10 ms as 16-bit
 * mono PCM at 48 kHz into a CustomAudioSource, so receivers' level meters have something to show.
 * Two traits of webrtc-java 0.14.0 shape it:
 * <ul>
 * <li>the native source keeps its sinks in a vector without a lock (its CritScope is commented
 *     out), so a push and a sender attaching or detaching the track must never overlap: both hold
 *     {@link #sinkLock()};</li>
 * <li>the factory's audio module must not record, or its capture thread feeds the same send stream
 *     as our pusher and WebRTC aborts the process when the two overlap (RTC_CHECK_RUNS_SERIALIZED
 *     in AudioSendStream; webrtc-java issue #217). {@link MediaFactory} gives this microphone the
 *     dummy audio layer, which cannot record (nor play out).</li>
 * </ul>
 * The native library must be loaded first (create the {@link MediaFactory} before this).
 */
public final class SyntheticMicrophone implements AutoCloseable {

    static final int SAMPLE_RATE = 48_000;
    static final int FRAMES = SAMPLE_RATE / 100;
    private static final double AMPLITUDE = 0.25;
    private static final double TONE_HZ = 330;
    /** A burst of tone, then a pause: the rhythm of someone talking. */
    private static final int BURST_MS = 400;
    private static final int PAUSE_MS = 200;
    private static final int FADE_MS = 20;

    private static final Logger log = LoggerFactory.getLogger(SyntheticMicrophone.class);

    private final CustomAudioSource source = new CustomAudioSource();
    private final Object sinkLock = new Object();
    private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "carrel-synthetic-microphone");
        thread.setDaemon(true);
        return thread;
    });
    // The buffer and sample count are touched only by the pusher thread.
    private final byte[] pcm = new byte[FRAMES * 2];
    private long sample;
    private boolean closed; // guarded by sinkLock

    public SyntheticMicrophone() {
        pusher.scheduleAtFixedRate(this::push, 0, 10, TimeUnit.MILLISECONDS);
    }

    public AudioTrackSource source() {
        return source;
    }

    /** Held while pushing; hold it while a sender takes or lets go of a track of this source. */
    public Object sinkLock() {
        return sinkLock;
    }

    /** Stops pushing and frees the source; every track made from it must be disposed first. */
    @Override
    public void close() {
        synchronized (sinkLock) {
            closed = true;
        }
        pusher.shutdown();
        try {
            if (!pusher.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("Synthetic microphone pusher did not stop within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.dispose();
    }

    private void push() {
        // A throw would cancel the schedule silently, so every fault is logged here.
        try {
            fill();
            synchronized (sinkLock) {
                if (!closed) {
                    source.pushAudio(pcm, 16, SAMPLE_RATE, 1, FRAMES);
                }
            }
        } catch (Throwable e) {
            log.error("Synthetic microphone push failed", e);
        }
    }

    private void fill() {
        int period = (BURST_MS + PAUSE_MS) * SAMPLE_RATE / 1000;
        int burst = BURST_MS * SAMPLE_RATE / 1000;
        int fade = FADE_MS * SAMPLE_RATE / 1000;
        for (int i = 0; i < FRAMES; i++, sample++) {
            int inPeriod = (int) (sample % period);
            double envelope = inPeriod >= burst ? 0 : Math.min(1, Math.min(inPeriod, burst - inPeriod) / (double) fade);
            double value = AMPLITUDE * envelope * Math.sin(2 * Math.PI * TONE_HZ * sample / SAMPLE_RATE);
            short s = (short) Math.round(value * Short.MAX_VALUE);
            pcm[2 * i] = (byte) s; // little-endian
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
    }
}

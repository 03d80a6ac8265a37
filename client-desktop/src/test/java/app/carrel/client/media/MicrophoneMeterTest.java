package app.carrel.client.media;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The meter's arithmetic, fed as the audio module feeds it: 10 ms of 16-bit mono at 48 kHz. */
class MicrophoneMeterTest {

    private static final int FRAMES = 480;

    private final MicrophoneMeter.Sink sink = new MicrophoneMeter.Sink();

    @Test
    void aToneReadsAsItsRmsAtOnceAndFallsBackSlowly() {
        sink.onRecordedData(tone(0.5), FRAMES, 2, 1, 48_000, 0, 0);
        assertEquals(0.5 / Math.sqrt(2), sink.level, 0.005);
        sink.onRecordedData(new byte[FRAMES * 2], FRAMES, 2, 1, 48_000, 0, 0);
        assertEquals(0.9 * 0.5 / Math.sqrt(2), sink.level, 0.005);
    }

    @Test
    void nothingEverEscapesIntoTheNativeCallback() {
        assertDoesNotThrow(() -> sink.onRecordedData(null, FRAMES, 2, 1, 48_000, 0, 0));
        assertDoesNotThrow(() -> sink.onRecordedData(new byte[1], 1, 2, 1, 48_000, 0, 0));
        assertEquals(0, sink.level);
    }

    private static byte[] tone(double amplitude) {
        byte[] pcm = new byte[FRAMES * 2];
        for (int i = 0; i < FRAMES; i++) {
            short s = (short) Math.round(amplitude * Short.MAX_VALUE * Math.sin(2 * Math.PI * 1000 * i / 48_000.0));
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        return pcm;
    }
}

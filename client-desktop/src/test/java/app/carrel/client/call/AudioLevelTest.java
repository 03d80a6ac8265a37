package app.carrel.client.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.NoLeaksExtension;
import app.carrel.client.media.AudioBackend;
import app.carrel.protocol.MediaFlags;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The speaking indicator end to end: an engine whose microphone is the synthetic tone, and an
 * engine on the headless audio module that meters what it receives. And what must never be
 * heard: a muted participant, or a headless one's echo of the room.
 */
@ExtendWith(NoLeaksExtension.class)
class AudioLevelTest {

    private static final Duration LIMIT = CallFixture.LIMIT;
    /** The tone peaks at 0.25 of full scale (RMS ~0.18 in a burst). */
    private static final double SPEAKING = 0.05;
    /** Level reports of a steady talker to watch a quiet one through: ~5 s of bursts and pauses. */
    private static final int TONE_REPORTS = 12;

    @TempDir
    Path dir;

    @Test
    void aToneRaisesItsSendersLevelAtTheReceiverAndMutingDropsItToSilence() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            EventRecorder atB = new EventRecorder();
            CallEngine a = call.engine("a", 0xE02020, new EventRecorder(), AudioBackend.synthetic("test tone"));
            CallEngine b = call.engine("b", 0x2040E0, atB);
            assertEquals(AudioBackend.Kind.SYNTHETIC, a.audioBackend().kind());
            String room = call.createRoom(a, "Tone", 2);
            call.join(a, room);
            long start = System.nanoTime();
            call.join(b, room);
            String aId = a.selfId();

            EventRecorder.Event speaking = atB.next("a's level at b above " + SPEAKING, LIMIT,
                    e -> isLevel(e, aId) && (double) e.value() > SPEAKING);
            System.out.printf("AudioLevelTest: a's tone reached b at level %.3f, %d ms after b joined%n",
                    (double) speaking.value(), (System.nanoTime() - start) / 1_000_000);

            a.setMicrophone(false).get(5, TimeUnit.SECONDS);
            long muted = System.nanoTime();
            EventRecorder.Event off = atB.next("a's media-state audio off", LIMIT,
                    e -> e.kind().equals("media-state") && e.peerId().equals(aId));
            assertFalse(((MediaFlags) off.value()).audio());
            EventRecorder.Event silent = atB.next("a's level at b back to silence", LIMIT,
                    e -> isLevel(e, aId) && (double) e.value() < AudioLevels.SILENT);
            System.out.printf("AudioLevelTest: muted a fell to %.4f at b %d ms after muting%n",
                    (double) silent.value(), (System.nanoTime() - muted) / 1_000_000);

            a.setMicrophone(true).get(5, TimeUnit.SECONDS);
            atB.next("a's level at b rising again after unmuting", LIMIT,
                    e -> isLevel(e, aId) && (double) e.value() > SPEAKING);
            assertTrue(b.peers().stream().anyMatch(p -> p.id().equals(aId)), "a should still be in b's room");
        }
    }

    /**
     * Muted means nothing reaches the network: not the first 10 ms either, which a send stream
     * starting on a disabled track fades in rather than zeroing.
     */
    @Test
    void aParticipantWhoJoinsMutedSendsNothingUntilUnmuted() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            EventRecorder atC = new EventRecorder();
            CallEngine a = call.engine("a", 0xE02020, new EventRecorder(), AudioBackend.synthetic("test tone"));
            CallEngine c = call.engine("c", 0x2040E0, atC);
            CallEngine m = call.engine("m", 0x20E020, new EventRecorder(), AudioBackend.synthetic("test tone"),
                    config -> config.microphoneOn(false));
            call.joinedTogether("Muted", 3, a, c, m);
            String aId = a.selfId();
            String mId = m.selfId();
            assertFalse(m.localMedia().audio());

            Map<String, Double> loudest = atC.loudestLevels(aId, TONE_REPORTS, LIMIT);
            System.out.printf("AudioLevelTest: at c, a's tone peaked at %.3f and muted m's at %.4f%n",
                    loudest.getOrDefault(aId, 0.0), loudest.getOrDefault(mId, 0.0));
            assertTrue(loudest.getOrDefault(aId, 0.0) > SPEAKING, "a's tone, the clock, should be heard at c");
            assertTrue(loudest.getOrDefault(mId, 0.0) < AudioLevels.SILENT,
                    "muted m's tone reached c at " + loudest.get(mId));

            m.setMicrophone(true).get(5, TimeUnit.SECONDS);
            atC.next("m's tone at c once unmuted", LIMIT,
                    e -> isLevel(e, mId) && (double) e.value() > SPEAKING);
        }
    }

    @Test
    void ourOwnToneIsReportedUnderOurOwnIdAndMutingSilencesIt() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            EventRecorder atA = new EventRecorder();
            CallEngine a = call.engine("a", 0xE02020, atA, AudioBackend.synthetic("test tone"));
            call.join(a, call.createRoom(a, "Alone", 2));
            String aId = a.selfId();
            EventRecorder.Event own = atA.next("a's own level above " + SPEAKING, LIMIT,
                    e -> isLevel(e, aId) && (double) e.value() > SPEAKING);
            System.out.printf("AudioLevelTest: a's own tone metered at %.3f%n", (double) own.value());
            a.setMicrophone(false).get(5, TimeUnit.SECONDS);
            atA.next("a's own level silent once muted", LIMIT,
                    e -> isLevel(e, aId) && (double) e.value() < AudioLevels.SILENT);
            a.setMicrophone(true).get(5, TimeUnit.SECONDS);
            atA.next("a's own level back after unmuting", LIMIT,
                    e -> isLevel(e, aId) && (double) e.value() > SPEAKING);
        }
    }

    /**
     * webrtc-java 0.14's HeadlessAudioDeviceModule "records" by pulling the mix it would play
     * out, so an unmuted headless participant used to send the room's audio straight back (a third
     * party saw levels up to 0.66 from a silent bot, in step with another's tone). A participant
     * without a real microphone must send nothing, whatever its microphone switch says.
     */
    @Test
    void aHeadlessParticipantNeverSendsTheRoomsAudioBack() throws Exception {
        try (CallFixture call = new CallFixture(dir)) {
            EventRecorder atB = new EventRecorder();
            EventRecorder atC = new EventRecorder();
            CallEngine a = call.engine("a", 0xE02020, new EventRecorder(), AudioBackend.synthetic("test tone"));
            CallEngine b = call.engine("b", 0x20E020, atB);
            CallEngine c = call.engine("c", 0x2040E0, atC);
            call.joinedTogether("Echo", 3, a, b, c);
            String aId = a.selfId();
            String bId = b.selfId();
            assertTrue(b.localMedia().audio(), "b's microphone switch is on: it is the echo that must not pass");

            atB.next("a's tone at b", LIMIT, e -> isLevel(e, aId) && (double) e.value() > SPEAKING);

            // Watched at c from its first report on: not even the first 10 ms may pass. A send
            // stream fades its first muted frame in rather than zeroing it, so a merely disabled
            // track let up to 0.056 of echo through whenever a connection came up.
            Map<String, Double> loudest = atC.loudestLevels(aId, TONE_REPORTS, LIMIT);
            double loudestA = loudest.getOrDefault(aId, 0.0);
            double loudestB = loudest.getOrDefault(bId, 0.0);
            System.out.printf("AudioLevelTest: at c, a's tone peaked at %.3f and headless b at %.4f%n", loudestA, loudestB);
            assertTrue(loudestA > SPEAKING, "a's tone should be heard at c, peaked at " + loudestA);
            assertTrue(loudestB < AudioLevels.SILENT, "headless b sent audio to c (echo), peaked at " + loudestB);
            assertFalse(b.audioBackend().capturesSound(), "the headless module has no microphone");
        }
    }

    private static boolean isLevel(EventRecorder.Event e, String peerId) {
        return e.kind().equals("audio-level") && e.peerId().equals(peerId);
    }
}

package app.carrel.client.call;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpCodecCapability;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The codecs Carrel negotiates: VP8 with its retransmission stream, and Opus. Every Carrel client
 * has them (they are WebRTC's mandatory ones), and a hall's VideoRoom is created with exactly
 * these two. Why not all that libwebrtc offers: with ten video and seven audio formats an offer is
 * about twice the size (5.3 against 2.8 kB), and every step of a call's set-up (writing, relaying,
 * parsing and applying it, and making each receive stream's decoders) pays for formats that are
 * never used: "connected" came about 5 ms sooner without them (docs/benchmarks.md, "Mesh call
 * setup").
 *
 * @param audio what an audio transceiver keeps, in libwebrtc's order; empty leaves it alone
 * @param video what a video transceiver keeps, likewise
 */
record OurCodecs(List<RTCRtpCodecCapability> audio, List<RTCRtpCodecCapability> video) {

    private static final Logger log = LoggerFactory.getLogger(OurCodecs.class);

    static final Set<String> AUDIO = Set.of("opus");
    /** "rtx" is kept for VP8: libwebrtc keeps the retransmission payloads of the codecs kept. */
    static final Set<String> VIDEO = Set.of("vp8", "rtx");

    /** Ours, out of what this factory's receivers support. */
    static OurCodecs of(PeerConnectionFactory factory) {
        return new OurCodecs(keep(factory.getRtpReceiverCapabilities(MediaType.AUDIO).getCodecs(), AUDIO),
                keep(factory.getRtpReceiverCapabilities(MediaType.VIDEO).getCodecs(), VIDEO));
    }

    /**
     * The supported codecs named in {@code names}, in their order; empty unless a real codec is
     * among them (a list of retransmission payloads alone would be refused).
     */
    static List<RTCRtpCodecCapability> keep(List<RTCRtpCodecCapability> supported, Set<String> names) {
        List<RTCRtpCodecCapability> kept = supported.stream()
                .filter(codec -> names.contains(codec.getName().toLowerCase(Locale.ROOT)))
                .toList();
        boolean aCodec = kept.stream().anyMatch(codec -> !codec.getName().equalsIgnoreCase("rtx"));
        return aCodec ? kept : List.of();
    }

    /**
     * Sets our codecs on every live transceiver of {@code pc}, before its next offer or answer.
     * A transceiver that refuses keeps libwebrtc's full list: the call still works, only larger.
     */
    void applyTo(RTCPeerConnection pc) {
        for (RTCRtpTransceiver transceiver : pc.getTransceivers()) {
            try {
                if (transceiver.stopped()) {
                    continue;
                }
                MediaStreamTrack track = transceiver.getReceiver().getTrack();
                List<RTCRtpCodecCapability> ours =
                        MediaStreamTrack.AUDIO_TRACK_KIND.equals(track.getKind()) ? audio : video;
                if (!ours.isEmpty()) {
                    transceiver.setCodecPreferences(ours);
                }
            } catch (RuntimeException e) {
                log.warn("Keeping libwebrtc's codecs on transceiver {}: {}", transceiver.getMid(), e.toString());
            }
        }
    }
}

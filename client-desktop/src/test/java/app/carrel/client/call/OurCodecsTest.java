package app.carrel.client.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.onvoid.webrtc.RTCRtpCodecCapability;
import dev.onvoid.webrtc.media.MediaType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OurCodecsTest {

    private static RTCRtpCodecCapability video(String name) {
        return new RTCRtpCodecCapability(MediaType.VIDEO, name, 90000, null, Map.of());
    }

    private static List<String> names(List<RTCRtpCodecCapability> codecs) {
        return codecs.stream().map(RTCRtpCodecCapability::getName).toList();
    }

    @Test
    void vp8AndItsRetransmissionAreKeptInLibwebrtcsOrder() {
        List<RTCRtpCodecCapability> supported = List.of(video("VP8"), video("rtx"), video("VP9"), video("H264"),
                video("AV1"), video("red"), video("ulpfec"));

        assertEquals(List.of("VP8", "rtx"), names(OurCodecs.keep(supported, OurCodecs.VIDEO)));
    }

    @Test
    void onlyOpusOfTheAudioFormats() {
        List<RTCRtpCodecCapability> supported = List.of("opus", "red", "G722", "PCMU", "PCMA", "CN", "telephone-event")
                .stream().map(name -> new RTCRtpCodecCapability(MediaType.AUDIO, name, 48000, 2, Map.of())).toList();

        assertEquals(List.of("opus"), names(OurCodecs.keep(supported, OurCodecs.AUDIO)));
    }

    @Test
    void withoutVp8NothingIsNarrowedRatherThanLeavingRetransmissionAlone() {
        List<RTCRtpCodecCapability> supported = List.of(video("VP9"), video("rtx"), video("H264"));

        assertEquals(List.of(), OurCodecs.keep(supported, OurCodecs.VIDEO));
    }
}

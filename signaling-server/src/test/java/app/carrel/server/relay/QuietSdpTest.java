package app.carrel.server.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

public class QuietSdpTest {

    public static final String OFFER = String.join("\r\n",
            "v=0",
            "o=- 4611731400430051336 2 IN IP4 127.0.0.1",
            "s=-",
            "t=0 0",
            "a=group:BUNDLE 0 1 2",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111",
            "c=IN IP4 0.0.0.0",
            "a=mid:0",
            "a=sendrecv",
            "a=rtpmap:111 opus/48000/2",
            "m=video 9 UDP/TLS/RTP/SAVPF 96",
            "c=IN IP4 0.0.0.0",
            "a=mid:1",
            "a=sendrecv",
            "a=rtpmap:96 VP8/90000",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111",
            "a=mid:2",
            "a=recvonly",
            "a=rtpmap:111 opus/48000/2",
            "");

    @Test
    void everyAudioSectionBecomesInactiveAndNothingElseChanges() {
        String expected = OFFER.replace("a=mid:0\r\na=sendrecv", "a=mid:0\r\na=inactive")
                .replace("a=mid:2\r\na=recvonly", "a=mid:2\r\na=inactive");
        assertEquals(expected, QuietSdp.withoutAudio(OFFER));
    }

    @Test
    void anAudioSectionWithoutADirectionGetsOneAtItsEnd() {
        String sdp = "v=0\nm=audio 9 RTP/AVP 0\na=mid:a\nm=video 9 RTP/AVP 96\na=mid:v\nm=audio 9 RTP/AVP 0\na=mid:b\n";
        assertEquals("v=0\nm=audio 9 RTP/AVP 0\na=mid:a\na=inactive\nm=video 9 RTP/AVP 96\na=mid:v\n"
                + "m=audio 9 RTP/AVP 0\na=mid:b\na=inactive\n", QuietSdp.withoutAudio(sdp));
    }

    @Test
    void aSessionWithoutAudioIsPassedOnAsItWas() {
        String videoOnly = "v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=sendonly\r\n";
        assertEquals(videoOnly, QuietSdp.withoutAudio(videoOnly));
        assertEquals("v=0", QuietSdp.withoutAudio("v=0"));
    }

    @Test
    void itIsIdempotent() {
        String once = QuietSdp.withoutAudio(OFFER);
        assertEquals(once, QuietSdp.withoutAudio(once));
    }
}

package app.carrel.client.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartBitrateTest {

    private static final String SDP = String.join("\r\n",
            "v=0",
            "o=- 1 2 IN IP4 127.0.0.1",
            "s=-",
            "t=0 0",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111",
            "a=mid:0",
            "a=rtpmap:111 opus/48000/2",
            "a=fmtp:111 minptime=10;useinbandfec=1",
            "m=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99 100",
            "a=mid:1",
            "a=rtpmap:96 VP8/90000",
            "a=rtcp-fb:96 nack",
            "a=rtpmap:97 rtx/90000",
            "a=fmtp:97 apt=96",
            "a=rtpmap:98 VP9/90000",
            "a=fmtp:98 profile-id=0",
            "a=rtpmap:99 red/90000",
            "a=rtpmap:100 ulpfec/90000",
            "a=ssrc:1 cname:x",
            "") ;

    @Test
    void everyVideoCodecAsksForTheStartAndNothingElseChanges() {
        String asked = StartBitrate.ask(SDP, 600);
        List<String> lines = List.of(asked.split("\r\n"));

        assertTrue(lines.contains("a=fmtp:96 x-google-start-bitrate=600"), asked);
        assertTrue(lines.contains("a=fmtp:98 profile-id=0;x-google-start-bitrate=600"), asked);
        assertTrue(lines.contains("a=fmtp:97 apt=96"), "retransmission is not a codec: " + asked);
        assertTrue(lines.contains("a=fmtp:111 minptime=10;useinbandfec=1"), "audio is left alone: " + asked);
        assertFalse(asked.contains("a=fmtp:99"), "red is not a codec: " + asked);
        assertFalse(asked.contains("a=fmtp:100"), "ulpfec is not a codec: " + asked);
        assertEquals(SDP.split("\r\n").length + 1, lines.size(), "one line added: " + asked);
        assertTrue(asked.endsWith("\r\n"));
    }

    @Test
    void askingTwiceChangesNothingMore() {
        String once = StartBitrate.ask(SDP, 600);
        assertEquals(once, StartBitrate.ask(once, 600));
    }
}

package app.carrel.bench.server;

/**
 * The load generator's set-up messages, as text, and the relay payloads' fixed parts; relay
 * messages themselves are written and read as bytes by {@link Relay}. Set-up replies are read
 * with the real Codec.
 */
public final class Wire {
    /** About 5 KB of SDP-like text, as a JSON string body (CRLF already escaped). */
    static final String SDP_BODY = sdpBody(5_000);
    static final String ICE_PREFIX =
            "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host generation 0 ufrag bnch network-id 1 ";

    private Wire() {
    }

    public static String createRoom(String id, String name, int capacity) {
        return "{\"type\":\"create-room\",\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"capacity\":" + capacity + "}";
    }

    public static String join(String id, String room, String name) {
        return "{\"type\":\"join\",\"id\":\"" + id + "\",\"room\":\"" + room + "\",\"name\":\"" + name + "\"}";
    }

    /** A {@code join} presenting a resume token: back as the same participant (protocol §4). */
    public static String resume(String id, String room, String name, String token) {
        return "{\"type\":\"join\",\"id\":\"" + id + "\",\"room\":\"" + room + "\",\"name\":\"" + name
                + "\",\"resume\":\"" + token + "\"}";
    }

    public static String leave(String id) {
        return "{\"type\":\"leave\",\"id\":\"" + id + "\"}";
    }

    /** The {@code type} of a server message; the server always writes it first. */
    public static String type(String json) {
        int start = json.indexOf("\"type\":\"");
        if (start < 0) {
            return "";
        }
        start += 8;
        return json.substring(start, json.indexOf('"', start));
    }

    public static boolean isType(String json, String type) {
        return json.startsWith(type, 9) && json.charAt(9 + type.length()) == '"';
    }

    private static String sdpBody(int size) {
        String[] lines = {
            "v=0", "o=- 4611731400430051336 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0 1",
            "a=extmap-allow-mixed", "a=msid-semantic: WMS carrel-camera",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126", "c=IN IP4 0.0.0.0", "a=rtcp:9 IN IP4 0.0.0.0",
            "a=ice-ufrag:bnch", "a=ice-pwd:abcdefghijklmnopqrstuvwx", "a=ice-options:trickle",
            "a=fingerprint:sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08",
            "a=setup:actpass", "a=mid:0", "a=sendrecv", "a=rtcp-mux", "a=rtpmap:111 opus/48000/2",
            "a=rtcp-fb:111 transport-cc", "a=fmtp:111 minptime=10;useinbandfec=1",
            "m=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99 100 101 35 36 37 38 102 103 104 105 106 107 108 109 127 125",
            "a=rtpmap:96 VP8/90000", "a=rtcp-fb:96 goog-remb", "a=rtcp-fb:96 transport-cc", "a=rtcp-fb:96 ccm fir",
            "a=rtcp-fb:96 nack", "a=rtcp-fb:96 nack pli", "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=96",
            "a=ssrc-group:FID 1885434512 3016463911", "a=ssrc:1885434512 cname:bnchbnchbnchbnch",
        };
        StringBuilder sb = new StringBuilder(size + 200);
        for (int i = 0; sb.length() < size; i++) {
            sb.append(lines[i % lines.length]).append("\\r\\n");
        }
        return sb.toString();
    }
}

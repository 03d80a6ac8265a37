package app.carrel.client.call;

import java.util.HashSet;
import java.util.Set;

/**
 * Reads what the engine needs from SDP text. Which media sections of a remote description carry
 * our screen stream: webrtc-java 0.14.0 hands onAddTrack streams whose id() is null, so the SDP's
 * {@code a=msid:} lines are the only reliable way to tell a participant's screen from its camera.
 * And the ICE user fragment, which changes when a side restarts ICE.
 */
final class SdpStreams {

    private SdpStreams() {
    }

    static Set<String> midsOfStream(String sdp, String streamId) {
        Set<String> mids = new HashSet<>();
        String mid = null;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("m=")) {
                mid = null;
            } else if (line.startsWith("a=mid:")) {
                mid = line.substring(6);
            } else if (line.startsWith("a=msid:" + streamId + " ") && mid != null) {
                mids.add(mid);
            }
        }
        return mids;
    }

    /** The first {@code a=ice-ufrag:} of a description (bundled sections share it), or null. */
    static String iceUfrag(String sdp) {
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("a=ice-ufrag:")) {
                return line.substring("a=ice-ufrag:".length());
            }
        }
        return null;
    }
}

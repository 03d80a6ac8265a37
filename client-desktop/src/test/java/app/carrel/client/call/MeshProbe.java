package app.carrel.client.call;

import dev.onvoid.webrtc.RTCRtpEncodingParameters;
import dev.onvoid.webrtc.RTCRtpSendParameters;
import java.util.List;

/**
 * The test-only path into an engine's mesh: its peer sessions, looked at on the engine thread
 * through {@code CallEngine.inspect}. Keeps restartIce and the ICE user fragments out of the
 * engine's API.
 */
final class MeshProbe {

    private MeshProbe() {
    }

    /** Restarts ICE towards one participant as a failed connection would; true when an offer with new credentials is on its way. */
    static boolean restartIce(CallEngine engine, String peerId) {
        return Boolean.TRUE.equals(engine.inspect(r -> {
            PeerSession session = mesh(r).sessionTo(peerId);
            return session != null && session.restartIce();
        }));
    }

    static String localIceUfrag(CallEngine engine, String peerId) {
        return engine.inspect(r -> mesh(r).sessionTo(peerId).localIceUfrag());
    }

    static String remoteIceUfrag(CallEngine engine, String peerId) {
        return engine.inspect(r -> mesh(r).sessionTo(peerId).remoteIceUfrag());
    }

    /**
     * The "o=" lines of the descriptions in force with one participant, ours then theirs: each
     * offer or answer of a renegotiation raises the session version in them, while the trickled
     * candidates that also change the description's text leave them alone.
     */
    static String sessionVersions(CallEngine engine, String peerId) {
        return engine.inspect(r -> {
            PeerSession session = mesh(r).sessionTo(peerId);
            return originLine(session.localSdp()) + " / " + originLine(session.remoteSdp());
        });
    }

    /** The encodings of our video sender of {@code kind} to one participant, as libwebrtc reads them back now. */
    static List<RTCRtpEncodingParameters> videoEncodings(CallEngine engine, String peerId, VideoKind kind) {
        return engine.inspect(r -> encodings(mesh(r).sessionTo(peerId).videoParameters(kind)));
    }

    static List<RTCRtpEncodingParameters> audioEncodings(CallEngine engine, String peerId) {
        return engine.inspect(r -> encodings(mesh(r).sessionTo(peerId).audioParameters()));
    }

    private static List<RTCRtpEncodingParameters> encodings(RTCRtpSendParameters parameters) {
        return parameters == null ? null : parameters.encodings;
    }

    private static String originLine(String sdp) {
        return sdp == null ? null : sdp.lines().filter(l -> l.startsWith("o=")).findFirst().orElse(null);
    }

    private static MeshTransport mesh(RoomCall room) {
        return (MeshTransport) room.transport();
    }
}

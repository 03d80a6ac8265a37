package app.carrel.client.call;

import dev.onvoid.webrtc.RTCPeerConnectionState;

/** What a {@link PeerSession} reports to its engine, always on the engine thread. */
interface PeerEvents {

    void onConnectionState(String peerId, RTCPeerConnectionState state);

    void onProblem(String message);
}

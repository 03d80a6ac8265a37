package app.carrel.client.call;

import app.carrel.protocol.IceCandidate;

/** Where a {@link PeerSession} sends its negotiation: the signaling server, or in tests the other session. */
interface Relay {

    void offer(String to, String sdp);

    void answer(String to, String sdp);

    void ice(String to, IceCandidate candidate);
}

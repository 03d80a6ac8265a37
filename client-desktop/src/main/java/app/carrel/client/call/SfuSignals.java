package app.carrel.client.call;

import app.carrel.protocol.IceCandidate;
import app.carrel.protocol.SfuPc;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What a hall's two connections tell the server (which forwards to Janus), see docs/protocol.md. */
interface SfuSignals {

    /** Our publisher's offer; completes with the SFU's answer. */
    CompletableFuture<String> publish(String sdp, String screenMid);

    /** Our subscriber's answer to the server's last {@code sfu-offer}. */
    void answer(String sdp);

    void ice(SfuPc pc, IceCandidate candidate);

    /**
     * Whose video we show now, the simulcast layer (0–2) that fits their tiles, and whose tile is
     * large (those come in the full layer).
     */
    void view(List<String> peerIds, int layer, List<String> large);
}

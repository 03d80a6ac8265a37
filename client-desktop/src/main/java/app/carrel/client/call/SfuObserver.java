package app.carrel.client.call;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Native callbacks of a hall connection (publisher or subscriber). As in {@link PeerObserver},
 * an exception thrown back into native code kills the JVM: every callback catches everything,
 * and all but {@code onTrack} (which attaches sinks at once, so no frame is missed) hop onto the
 * engine thread.
 */
final class SfuObserver implements PeerConnectionObserver {
    private static final Logger log = LoggerFactory.getLogger(SfuObserver.class);

    private final Executor engine;
    private final Consumer<RTCIceCandidate> candidates;
    private final Consumer<ConnectionState> states;
    private final Consumer<RTCRtpTransceiver> tracks;

    SfuObserver(Executor engine, Consumer<RTCIceCandidate> candidates, Consumer<ConnectionState> states,
                Consumer<RTCRtpTransceiver> tracks) {
        this.engine = engine;
        this.candidates = candidates;
        this.states = states;
        this.tracks = tracks;
    }

    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
        hop(() -> candidates.accept(candidate));
    }

    @Override
    public void onConnectionChange(RTCPeerConnectionState state) {
        hop(() -> states.accept(ConnectionState.of(state)));
    }

    @Override
    public void onTrack(RTCRtpTransceiver transceiver) {
        try {
            tracks.accept(transceiver);
        } catch (Throwable e) {
            log.error("onTrack failed", e);
        }
    }

    private void hop(Runnable work) {
        try {
            engine.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("Hall connection event failed", e);
                }
            });
        } catch (Throwable e) {
            log.debug("Hall connection event dropped: {}", e.toString());
        }
    }
}

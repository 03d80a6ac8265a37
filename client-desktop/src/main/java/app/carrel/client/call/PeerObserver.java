package app.carrel.client.call;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Native peer connection callbacks. An exception thrown back into native code kills the JVM, so
 * every callback catches everything and only hands the work to the engine thread; the one
 * exception is attaching sinks to a new remote track, done at once so no frame is missed.
 */
final class PeerObserver implements PeerConnectionObserver {

    private static final Logger log = LoggerFactory.getLogger(PeerObserver.class);

    private final PeerSession session;
    private final Executor engine;
    private final RemoteMedia remote;

    PeerObserver(PeerSession session, Executor engine, RemoteMedia remote) {
        this.session = session;
        this.engine = engine;
        this.remote = remote;
    }

    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
        hop(() -> session.onLocalCandidate(candidate), "onIceCandidate");
    }

    @Override
    public void onConnectionChange(RTCPeerConnectionState state) {
        hop(() -> session.onConnectionChange(state), "onConnectionChange");
    }

    @Override
    public void onRenegotiationNeeded() {
        hop(session::onNegotiationNeeded, "onRenegotiationNeeded");
    }

    @Override
    public void onTrack(RTCRtpTransceiver transceiver) {
        try {
            MediaStreamTrack track = transceiver.getReceiver().getTrack();
            if (track instanceof VideoTrack video) {
                remote.attachVideo(video, remote.kindOfMid(transceiver.getMid()));
            } else {
                remote.attach(track);
            }
        } catch (Throwable e) {
            log.error("onTrack failed", e);
        }
    }

    private void hop(Runnable work, String what) {
        try {
            engine.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("{} handling failed", what, e);
                }
            });
        } catch (Throwable e) {
            // The engine is shutting down; nothing left to tell.
            log.debug("{} dropped: {}", what, e.toString());
        }
    }
}

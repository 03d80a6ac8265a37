package app.carrel.client.call;

import dev.onvoid.webrtc.RTCRtpEncodingParameters;
import dev.onvoid.webrtc.RTCRtpSendParameters;
import dev.onvoid.webrtc.RTCRtpSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one connection's video senders to the caps the mesh last decided ({@link UplinkBudget})
 * and puts them on each sender as it appears: senders come and go with negotiation, camera
 * switches and screen sharing. Written through get/setParameters, which libwebrtc applies to the
 * running encoder without renegotiating. Only the three capped fields are written; {@code active}
 * is left as it is (the audio senders' mute uses it; a camera that is off stops its source), and
 * audio senders are never passed here. Owned by its {@link PeerSession}, on the engine thread.
 */
final class SenderCaps {

    private static final Logger log = LoggerFactory.getLogger(SenderCaps.class);

    private final String connection;
    private VideoCaps caps;

    /** {@code connection}: who talks to whom, for the log. */
    SenderCaps(String connection) {
        this.connection = connection;
    }

    void set(VideoCaps caps) {
        this.caps = caps;
    }

    /** Caps the camera sender (null: none yet); nothing before the first {@link #set}. */
    void camera(RTCRtpSender sender) {
        if (caps != null && caps.camera() != null) {
            apply(sender, caps.camera(), "camera");
        }
    }

    void screen(RTCRtpSender sender) {
        if (caps != null && caps.screen() != null) {
            apply(sender, caps.screen(), "screen");
        }
    }

    /** A cap that does not take leaves the sender as it was: logged, as nothing the person could do would help. */
    private void apply(RTCRtpSender sender, VideoCap cap, String what) {
        if (sender == null) {
            return;
        }
        try {
            RTCRtpSendParameters parameters = sender.getParameters();
            for (RTCRtpEncodingParameters encoding : parameters.encodings) {
                encoding.maxBitrate = cap.maxBitrateBps();
                encoding.scaleResolutionDownBy = cap.scaleResolutionDownBy();
                encoding.maxFramerate = cap.maxFramerate();
            }
            sender.setParameters(parameters);
        } catch (RuntimeException e) {
            log.warn("{}: could not cap our {} at {}: {}", connection, what, cap, e.toString());
        }
    }
}

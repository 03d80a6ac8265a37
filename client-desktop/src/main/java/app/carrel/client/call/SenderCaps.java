package app.carrel.client.call;

import dev.onvoid.webrtc.RTCRtpEncodingParameters;
import dev.onvoid.webrtc.RTCRtpSendParameters;
import dev.onvoid.webrtc.RTCRtpSender;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one connection's video senders to the caps the mesh last decided ({@link UplinkBudget})
 * and puts them on each sender as it appears: senders come and go with negotiation, camera
 * switches and screen sharing. Written through get/setParameters, which libwebrtc applies to the
 * running encoder without renegotiating. Only the capped fields (and the start floor's minimum,
 * below) are written; {@code active}
 * is left as it is (the audio senders' mute uses it; a camera that is off stops its source), and
 * audio senders are never passed here. Owned by its {@link PeerSession}, on the engine thread.
 * <p>
 * The camera also gets a <b>start floor</b>, a minimum bit rate for its first seconds. libwebrtc's
 * congestion control starts at 300 kbit/s, and while the video's target is under that its initial
 * frame dropper discards anything larger than 320x240 (up to four frames, ~130 ms at 30 fps) and
 * asks the camera for smaller pictures. Whether it does depends on whether the first bit-rate
 * update reaches the encoder before the first frame: that race made call set-up bimodal (first
 * frame ~40 ms or ~180 ms after the join). With a floor of 600 kbit/s the target is above the
 * dropper's thresholds for 640x480 as soon as the encoder has registered it, which happens as it
 * is configured on the first frame: so that first frame can still go, but not the three after it
 * (measured: the slow mode went from ~150 to ~50 ms, docs/benchmarks.md). Each side also asks its
 * peer to start its congestion control at the floor ({@link StartBitrate}), which closes the race
 * for the first frame as well; 0.14 has no degradation preference to set. The floor is lifted
 * ({@link #liftStartFloor}) once the estimate has had time to climb on its own: a link slower than
 * the floor is overdriven for those seconds, then congestion control takes over as before.
 * <p>
 * Parameters are only written when they differ from the sender's: every write reconfigures the
 * encoder, which re-arms that dropper.
 */
final class SenderCaps {

    private static final Logger log = LoggerFactory.getLogger(SenderCaps.class);

    /** Above libwebrtc's 500 kbit/s threshold, under which it drops first frames larger than 640x480. */
    static final int START_FLOOR_BPS = 600_000;

    private final String connection;
    private VideoCaps caps;
    private boolean startFloor = true;

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
            VideoCap cap = caps.camera();
            apply(sender, cap, startFloor ? Math.min(START_FLOOR_BPS, cap.maxBitrateBps()) : null, "camera");
        }
    }

    /** From now on the camera has no minimum: congestion control alone decides (see the class comment). */
    void liftStartFloor(RTCRtpSender camera) {
        startFloor = false;
        camera(camera);
    }

    void screen(RTCRtpSender sender) {
        if (caps != null && caps.screen() != null) {
            apply(sender, caps.screen(), null, "screen");
        }
    }

    /** A cap that does not take leaves the sender as it was: logged, as nothing the person could do would help. */
    private void apply(RTCRtpSender sender, VideoCap cap, Integer minBitrate, String what) {
        if (sender == null) {
            return;
        }
        try {
            RTCRtpSendParameters parameters = sender.getParameters();
            boolean changed = false;
            for (RTCRtpEncodingParameters encoding : parameters.encodings) {
                changed |= !holds(encoding, cap, minBitrate);
                encoding.maxBitrate = cap.maxBitrateBps();
                encoding.scaleResolutionDownBy = cap.scaleResolutionDownBy();
                encoding.maxFramerate = cap.maxFramerate();
                encoding.minBitrate = minBitrate;
            }
            if (changed) {
                sender.setParameters(parameters);
            }
        } catch (RuntimeException e) {
            log.warn("{}: could not cap our {} at {}: {}", connection, what, cap, e.toString());
        }
    }

    private static boolean holds(RTCRtpEncodingParameters encoding, VideoCap cap, Integer minBitrate) {
        return Objects.equals(encoding.maxBitrate, cap.maxBitrateBps())
                && Objects.equals(encoding.scaleResolutionDownBy, cap.scaleResolutionDownBy())
                && Objects.equals(encoding.maxFramerate, cap.maxFramerate())
                && Objects.equals(encoding.minBitrate, minBitrate);
    }
}

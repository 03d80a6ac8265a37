package app.carrel.client.call;

import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpEncodingParameters;
import dev.onvoid.webrtc.RTCRtpSendParameters;
import dev.onvoid.webrtc.RTCRtpSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every connection that sends our tracks does with its senders, mesh ({@link PeerSession})
 * or hall ({@link SfuPublisher}). Engine thread.
 */
final class OurSenders {
    private static final Logger log = LoggerFactory.getLogger(OurSenders.class);

    private OurSenders() {
    }

    /**
     * Starts or stops our audio stream to match {@link LocalTracks#audioSent()}, without
     * renegotiating; throws if the sender refuses (muting still holds through the disabled
     * track; unmuting does not). Under the audio sink lock: see LocalTracks#audioSinkLock.
     */
    static void matchAudio(RTCRtpSender audio, LocalTracks tracks) {
        synchronized (tracks.audioSinkLock) {
            RTCRtpSendParameters parameters = audio.getParameters();
            for (RTCRtpEncodingParameters encoding : parameters.encodings) {
                encoding.active = tracks.audioSent();
            }
            audio.setParameters(parameters);
        }
    }

    /**
     * Lets go of our tracks, then closes the connection: closing does not free the native
     * connection (0.14.0), so its senders would keep our tracks referenced and the tracks'
     * dispose would fail.
     */
    static void releaseAndClose(RTCPeerConnection pc, LocalTracks tracks, String where, RTCRtpSender... senders) {
        synchronized (tracks.audioSinkLock) {
            for (RTCRtpSender sender : senders) {
                if (sender != null) {
                    try {
                        sender.replaceTrack(null);
                    } catch (RuntimeException e) {
                        log.warn("Detaching a track from {} failed: {}", where, e.toString());
                    }
                }
            }
            pc.close();
        }
    }
}

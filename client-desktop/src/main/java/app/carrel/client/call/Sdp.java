package app.carrel.client.call;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Native SDP callbacks as bounded waits, so negotiation reads top to bottom on the engine
 * thread. The callbacks arrive on webrtc's signaling thread, never ours, so waiting is safe.
 */
final class Sdp {

    private static final long LIMIT_SECONDS = 10;

    private Sdp() {
    }

    static RTCSessionDescription createOffer(RTCPeerConnection pc) throws NegotiationException {
        CompletableFuture<RTCSessionDescription> result = new CompletableFuture<>();
        pc.createOffer(new RTCOfferOptions(), created(result));
        return await(result, "createOffer");
    }

    static RTCSessionDescription createAnswer(RTCPeerConnection pc) throws NegotiationException {
        CompletableFuture<RTCSessionDescription> result = new CompletableFuture<>();
        pc.createAnswer(new RTCAnswerOptions(), created(result));
        return await(result, "createAnswer");
    }

    static void setLocal(RTCPeerConnection pc, RTCSessionDescription description) throws NegotiationException {
        CompletableFuture<Void> result = new CompletableFuture<>();
        pc.setLocalDescription(description, set(result));
        await(result, "setLocalDescription(" + description.sdpType + ")");
    }

    static void setRemote(RTCPeerConnection pc, RTCSessionDescription description) throws NegotiationException {
        CompletableFuture<Void> result = new CompletableFuture<>();
        pc.setRemoteDescription(description, set(result));
        await(result, "setRemoteDescription(" + description.sdpType + ")");
    }

    static void rollback(RTCPeerConnection pc) throws NegotiationException {
        setLocal(pc, new RTCSessionDescription(RTCSdpType.ROLLBACK, ""));
    }

    private static CreateSessionDescriptionObserver created(CompletableFuture<RTCSessionDescription> result) {
        return new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                result.complete(description);
            }

            @Override
            public void onFailure(String error) {
                result.completeExceptionally(new NegotiationException(error));
            }
        };
    }

    private static SetSessionDescriptionObserver set(CompletableFuture<Void> result) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                result.complete(null);
            }

            @Override
            public void onFailure(String error) {
                result.completeExceptionally(new NegotiationException(error));
            }
        };
    }

    private static <T> T await(CompletableFuture<T> future, String what) throws NegotiationException {
        try {
            return future.get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new NegotiationException(what + " failed: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new NegotiationException(what + " timed out after " + LIMIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NegotiationException(what + " interrupted");
        }
    }

    static final class NegotiationException extends Exception {
        NegotiationException(String message) {
            super(message);
        }
    }
}

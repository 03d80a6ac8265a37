package app.carrel.client.call;

import app.carrel.client.call.Sdp.NegotiationException;
import app.carrel.client.i18n.Texts;
import app.carrel.protocol.IceCandidate;
import app.carrel.protocol.SfuPc;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpEncodingParameters;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCStatsReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our one upload in a hall: a connection to Janus carrying our microphone, camera and (while we
 * share it) screen, whoever watches. We always offer and the SFU answers, so there is no
 * collision to resolve: an offer asked for while one is out waits for its answer. Engine thread.
 */
final class SfuPublisher {
    private static final Logger log = LoggerFactory.getLogger(SfuPublisher.class);

    private final RTCPeerConnection pc;
    private final LocalTracks tracks;
    private final SfuSignals signals;
    private final Executor engine;
    private final Consumer<String> problems;
    private final List<Double> layers;
    private final OurCodecs codecs;
    private RTCRtpSender audioSender;
    private RTCRtpSender cameraSender;
    private RTCRtpSender screenSender;
    private boolean offering;
    private boolean offerPending;
    private boolean closed;
    private ConnectionState state = ConnectionState.NEW;

    /** {@code layers}: our camera's simulcast encodings ({@link SimulcastLayers#scalesFor}). */
    SfuPublisher(PeerConnectionFactory factory, RTCConfiguration config, LocalTracks tracks, SfuSignals signals,
                 Executor engine, Consumer<String> problems, Consumer<ConnectionState> states, List<Double> layers) {
        this.tracks = tracks;
        this.layers = layers;
        this.codecs = OurCodecs.of(factory);
        this.signals = signals;
        this.engine = engine;
        this.problems = problems;
        this.pc = factory.createPeerConnection(config, new SfuObserver(engine,
                c -> {
                    if (!closed) {
                        signals.ice(SfuPc.PUBLISHER, new IceCandidate(c.sdp, c.sdpMid, c.sdpMLineIndex));
                    }
                },
                s -> {
                    state = s;
                    states.accept(s);
                },
                t -> { }));
    }

    /** Adds our tracks and sends the first offer. */
    void start() {
        synchronized (tracks.audioSinkLock) {
            audioSender = pc.addTrack(tracks.audio, List.of(LocalTracks.CAMERA_STREAM));
        }
        updateAudio();
        cameraSender = addCamera();
        if (tracks.screen != null) {
            screenSender = pc.addTrack(tracks.screen, List.of(LocalTracks.SCREEN_STREAM));
        }
        offer();
    }

    /**
     * Simulcast can only be asked for here, when the sender is made: 0.14 cannot add encodings
     * later. The hall's bit-rate cap (Janus REMB) is shared by all layers; libwebrtc fills the
     * smaller ones first.
     */
    private RTCRtpSender addCamera() {
        if (layers.isEmpty()) {
            return pc.addTrack(tracks.camera, List.of(LocalTracks.CAMERA_STREAM));
        }
        RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
        init.direction = RTCRtpTransceiverDirection.SEND_ONLY;
        init.streamIds = List.of(LocalTracks.CAMERA_STREAM);
        init.sendEncodings = new ArrayList<>();
        for (double scale : layers) {
            RTCRtpEncodingParameters encoding = new RTCRtpEncodingParameters();
            encoding.scaleResolutionDownBy = scale;
            init.sendEncodings.add(encoding);
        }
        return pc.addTransceiver(tracks.camera, init).getSender();
    }

    ConnectionState state() {
        return state;
    }

    /** As the mesh does it (PeerSession#updateAudio): the stream stops while muted, no renegotiation. */
    void updateAudio() {
        if (closed || audioSender == null) {
            return;
        }
        boolean sent = tracks.audioSent();
        try {
            OurSenders.matchAudio(audioSender, tracks);
        } catch (RuntimeException e) {
            log.warn("Could not {} our audio stream to the hall: {}", sent ? "start" : "stop", e.toString());
            problems.accept(Texts.get(sent ? "call.audioStartFailed" : "call.audioStopFailed", "SFU", e.getMessage()));
        }
    }

    void updateCamera() {
        if (closed || cameraSender == null) {
            return;
        }
        try {
            cameraSender.replaceTrack(tracks.camera);
        } catch (RuntimeException | Error e) {
            log.warn("Could not switch the camera sent to the hall: {}", e.toString());
            problems.accept(Texts.get("devices.cameraNotSent", e.getMessage()));
        }
    }

    /** Adds or removes the screen track and offers again (Janus {@code configure}). */
    void updateScreen() {
        if (closed) {
            return;
        }
        if (tracks.screen != null && screenSender == null) {
            screenSender = pc.addTrack(tracks.screen, List.of(LocalTracks.SCREEN_STREAM));
        } else if (tracks.screen == null && screenSender != null) {
            pc.removeTrack(screenSender);
            screenSender = null;
        } else {
            return;
        }
        offer();
    }

    CompletableFuture<Traffic> traffic() {
        return closed ? CompletableFuture.completedFuture(Traffic.NONE) : StatsReader.traffic(pc);
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        OurSenders.releaseAndClose(pc, tracks, "the hall publisher", audioSender, cameraSender, screenSender);
    }

    private void offer() {
        if (offering) {
            offerPending = true;
            return;
        }
        offering = true;
        offerPending = false;
        try {
            codecs.applyTo(pc);
            RTCSessionDescription offer = Sdp.createOffer(pc);
            Sdp.setLocal(pc, offer);
            signals.publish(offer.sdp, screenMid()).whenCompleteAsync((answer, failure) -> onAnswer(answer, failure),
                    engine);
        } catch (NegotiationException e) {
            offering = false;
            problems.accept(Texts.get("call.offerFailed", "SFU", e.getMessage()));
        }
    }

    private void onAnswer(String answer, Throwable failure) {
        offering = false;
        if (closed) {
            return;
        }
        if (failure != null) {
            log.warn("The hall refused our offer: {}", failure.toString());
            problems.accept(Texts.get("call.negotiationFailed", "SFU", failure.getMessage()));
            return;
        }
        try {
            synchronized (tracks.audioSinkLock) {
                Sdp.setRemote(pc, new RTCSessionDescription(RTCSdpType.ANSWER, answer));
            }
        } catch (NegotiationException e) {
            problems.accept(Texts.get("call.negotiationFailed", "SFU", e.getMessage()));
        }
        if (offerPending) {
            offer();
        }
    }

    /** The mid our screen went out on, known once the offer is set locally. */
    private String screenMid() {
        if (screenSender == null) {
            return null;
        }
        for (RTCRtpTransceiver t : pc.getTransceivers()) {
            if (t.getSender() == screenSender || (t.getSender() != null && t.getSender().getTrack() != null
                    && t.getSender().getTrack().getId().equals(tracks.screen.getId()))) {
                return t.getMid();
            }
        }
        return null;
    }
}

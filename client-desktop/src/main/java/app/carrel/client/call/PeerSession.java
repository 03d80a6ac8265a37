package app.carrel.client.call;

import app.carrel.client.call.Sdp.NegotiationException;
import app.carrel.client.i18n.Texts;
import app.carrel.protocol.IceCandidate;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpSendParameters;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCSignalingState;
import dev.onvoid.webrtc.RTCStatsReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer connection to one remote participant, negotiated with perfect negotiation: the
 * participant whose id sorts lower is polite and yields on offer collisions. The initiator (the
 * joiner) offers as soon as its tracks are added; the other side may offer only after it has
 * answered once. Remote candidates wait until a remote description is set; our own wait while
 * our offer is unanswered (see {@link #ownCandidatesHeld}).
 * All methods run on the engine thread, which owns every field; native callbacks (see
 * {@link PeerObserver}) only hop onto it.
 */
final class PeerSession {

    private static final Logger log = LoggerFactory.getLogger(PeerSession.class);
    /** What we ask the peer's congestion control to start at (see {@link StartBitrate}): the camera's start floor. */
    private static final int START_KBPS = SenderCaps.START_FLOOR_BPS / 1000;

    private final String selfId;
    private final String peerId;
    private final boolean polite;
    private final Relay relay;
    private final Executor engine;
    private final PeerEvents events;
    private final LocalTracks tracks;
    private final RemoteMedia remote;
    private final RTCPeerConnection pc;
    private final List<RTCIceCandidate> pendingCandidates = new ArrayList<>();
    /**
     * Our own candidates while our offer waits for its answer. Why: the peer starts ICE as soon
     * as it has one of them, and its first video could then arrive while libwebrtc is still
     * applying the answer here, before it has connected the new receive stream to its sink. That
     * key frame is decoded and thrown away, and the first picture waits for the next camera frame
     * (33 ms at 30 fps; docs/benchmarks.md, "Mesh call setup"). Held, ICE starts from our side
     * once the answer is in: we check the peer's candidates, and it learns our address from that.
     */
    private final List<RTCIceCandidate> ownCandidatesHeld = new ArrayList<>();
    private final OurCodecs codecs;
    private final StatsReader statsReader = new StatsReader();
    private final SenderCaps caps;
    private RTCRtpSender audioSender;
    private RTCRtpSender cameraSender;
    private RTCRtpSender screenSender;
    private boolean mayOffer;
    private boolean makingOffer;
    private boolean ignoreOffer;
    private boolean negotiationPending;
    private boolean closed;
    private boolean floorLiftScheduled;
    private final Duration startFloor;
    private ConnectionState state = ConnectionState.NEW;

    PeerSession(String selfId, String peerId, PeerConnectionFactory factory, RTCConfiguration config,
                LocalTracks tracks, Relay relay, Executor engine, PeerEvents events, Duration startFloor) {
        this.selfId = selfId;
        this.peerId = peerId;
        this.polite = selfId.compareTo(peerId) < 0;
        this.relay = relay;
        this.engine = engine;
        this.events = events;
        this.tracks = tracks;
        this.remote = new RemoteMedia(peerId);
        this.caps = new SenderCaps(selfId + " to " + peerId);
        this.startFloor = startFloor;
        this.codecs = OurCodecs.of(factory);
        this.pc = factory.createPeerConnection(config, new PeerObserver(this, engine, remote));
    }

    /** The joiner's side: add our tracks; the renegotiation-needed event then sends the offer. */
    void startAsInitiator() {
        mayOffer = true;
        addLocalTracks();
    }

    String peerId() {
        return peerId;
    }

    RemoteMedia remote() {
        return remote;
    }

    ConnectionState state() {
        return state;
    }

    void onRemoteOffer(String sdp) {
        if (closed) {
            return;
        }
        try {
            boolean collision = makingOffer || pc.getSignalingState() != RTCSignalingState.STABLE;
            ignoreOffer = !polite && collision;
            if (ignoreOffer) {
                log.debug("{}: ignoring colliding offer from {} (we are impolite)", selfId, peerId);
                return;
            }
            if (collision) {
                Sdp.rollback(pc);
                sendHeldCandidates();
            }
            remote.learnStreams(sdp);
            setRemote(new RTCSessionDescription(RTCSdpType.OFFER, sdp));
            addLocalTracks();
            flushCandidates();
            codecs.applyTo(pc); // the transceivers the offer made too (the peer's screen)
            RTCSessionDescription answer = Sdp.createAnswer(pc);
            Sdp.setLocal(pc, answer);
            // The answer goes out first: the offerer applying it is the next step of the call's
            // set-up (its ICE waits for that, see ownCandidatesHeld), so nothing is sent before
            // our senders are set below; this way saved 3 ms of a joiner's first picture.
            relay.answer(peerId, StartBitrate.ask(answer.sdp, START_KBPS));
            // Senders that took a transceiver the offer made have no encodings until our answer
            // is set: getParameters lists none, and what addLocalTracks set on them was lost. So
            // stop (or start) our audio stream and cap our video again now. The lost audio stop
            // left every answerer sending a muted stream, which also took a share of the first
            // 300 kbit/s estimate from the video: the encoder then dropped 4 frames as "too
            // large for the target bitrate" (about 140 ms at 30 fps) before the first frame left.
            updateAudio();
            capVideo();
            mayOffer = true;
            negotiateIfPending();
        } catch (NegotiationException e) {
            events.onProblem(Texts.get("call.negotiationFailed", peerId, e.getMessage()));
        }
    }

    void onRemoteAnswer(String sdp) {
        if (closed) {
            return;
        }
        if (pc.getSignalingState() != RTCSignalingState.HAVE_LOCAL_OFFER) {
            log.debug("{}: ignoring answer from {} in state {}", selfId, peerId, pc.getSignalingState());
            return;
        }
        try {
            remote.learnStreams(sdp);
            setRemote(new RTCSessionDescription(RTCSdpType.ANSWER, sdp));
            flushCandidates();
            sendHeldCandidates();
            negotiateIfPending();
        } catch (NegotiationException e) {
            events.onProblem(Texts.get("call.negotiationFailed", peerId, e.getMessage()));
        }
    }

    void onRemoteCandidate(IceCandidate candidate) {
        if (closed || candidate.candidate().isEmpty()) {
            return; // an empty candidate only marks the end of the remote's gathering
        }
        RTCIceCandidate native_ = new RTCIceCandidate(candidate.sdpMid(),
                candidate.sdpMLineIndex() == null ? 0 : candidate.sdpMLineIndex(), candidate.candidate());
        if (pc.getRemoteDescription() == null) {
            pendingCandidates.add(native_);
        } else {
            addCandidate(native_);
        }
    }

    /**
     * Starts or stops our audio stream to match {@link LocalTracks#audioSent()}, without
     * renegotiating: the m-line stays, so the peer keeps our audio. Detaching the track instead
     * would not do: a send stream without a track sends what the audio module records, unmuted.
     */
    void updateAudio() {
        if (closed || audioSender == null) {
            return;
        }
        boolean sent = tracks.audioSent();
        try {
            OurSenders.matchAudio(audioSender, tracks);
        } catch (RuntimeException e) {
            String what = sent ? "start" : "stop";
            log.warn("{}: could not {} our audio stream to {}: {}", selfId, what, peerId, e.toString());
            events.onProblem(Texts.get(sent ? "call.audioStartFailed" : "call.audioStopFailed", peerId, e.getMessage()));
        }
    }

    /**
     * Sends our current camera track in place of the one before (the camera was switched):
     * {@code replaceTrack} keeps the m-line, so nothing is renegotiated and the peer's receiver
     * simply decodes the new picture. A sender that refuses is emptied instead, so the old track
     * can still be freed; the person is told that this peer no longer sees the camera.
     */
    void updateCamera() {
        if (closed || cameraSender == null) {
            return;
        }
        try {
            cameraSender.replaceTrack(tracks.camera);
            caps.camera(cameraSender);
        } catch (RuntimeException | Error e) {
            log.warn("{}: could not switch the camera sent to {}: {}", selfId, peerId, e.toString());
            events.onProblem(Texts.get("devices.cameraNotSent", e.getMessage()));
            try {
                cameraSender.replaceTrack(null);
            } catch (RuntimeException | Error again) {
                log.warn("{}: detaching the old camera from {} failed: {}", selfId, peerId, again.toString());
            }
        }
    }

    /**
     * Caps our camera and screen senders to this peer (the room grew or shrank, or our screen
     * share changed how the budget is split); live, without renegotiating. Audio is left alone.
     */
    void setCaps(VideoCaps next) {
        caps.set(next);
        if (!closed) {
            capVideo();
        }
    }

    /** The parameters our sender of {@code kind} has now, or null without one (tests: the caps in force). */
    RTCRtpSendParameters videoParameters(VideoKind kind) {
        RTCRtpSender sender = kind == VideoKind.CAMERA ? cameraSender : screenSender;
        return closed || sender == null ? null : sender.getParameters();
    }

    /** The parameters of our audio sender now, or null before there is one (tests: audio is never capped). */
    RTCRtpSendParameters audioParameters() {
        return closed || audioSender == null ? null : audioSender.getParameters();
    }

    /** Starts or stops sending our screen; either way renegotiates. Fails as {@link #updateAudio} does: logged and told. */
    void updateScreen() {
        if (closed) {
            return;
        }
        boolean start = tracks.screen != null && screenSender == null;
        boolean stop = tracks.screen == null && screenSender != null;
        if (!start && !stop) {
            return;
        }
        try {
            if (start) {
                screenSender = pc.addTrack(tracks.screen, List.of(LocalTracks.SCREEN_STREAM));
                caps.screen(screenSender);
            } else {
                pc.removeTrack(screenSender);
                screenSender = null;
            }
        } catch (RuntimeException e) {
            String what = start ? "start" : "stop";
            log.warn("{}: could not {} our screen to {}: {}", selfId, what, peerId, e.toString());
            events.onProblem(Texts.get(start ? "call.screenStartFailed" : "call.screenStopFailed", peerId, e.getMessage()));
        }
    }

    /**
     * Asks for an ICE restart, e.g. after the connection failed or after we resumed: the next
     * offer carries new ICE credentials. False when we may not offer yet (we have not answered
     * the initiator's first offer), in which case the other side's restart is the one that counts.
     */
    boolean restartIce() {
        if (closed || !mayOffer) {
            return false;
        }
        log.info("{}: ICE restart towards {}", selfId, peerId);
        pc.restartIce();
        return true;
    }

    /** The ICE user fragment of the remote description in force, or null before there is one. */
    String remoteIceUfrag() {
        RTCSessionDescription remoteDescription = closed ? null : pc.getRemoteDescription();
        return remoteDescription == null ? null : SdpStreams.iceUfrag(remoteDescription.sdp);
    }

    /** The local description in force, or null before there is one (tests: was anything renegotiated?). */
    String localSdp() {
        RTCSessionDescription description = closed ? null : pc.getLocalDescription();
        return description == null ? null : description.sdp;
    }

    String remoteSdp() {
        RTCSessionDescription description = closed ? null : pc.getRemoteDescription();
        return description == null ? null : description.sdp;
    }

    /** The ICE user fragment of our local description in force, or null before there is one. */
    String localIceUfrag() {
        RTCSessionDescription localDescription = closed ? null : pc.getLocalDescription();
        return localDescription == null ? null : SdpStreams.iceUfrag(localDescription.sdp);
    }

    CompletableFuture<PeerStats> stats() {
        CompletableFuture<RTCStatsReport> report = new CompletableFuture<>();
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("Connection to " + peerId + " is closed"));
        }
        pc.getStats(report::complete);
        return report.orTimeout(5, TimeUnit.SECONDS)
                .thenApplyAsync(r -> statsReader.read(peerId, state, r), engine);
    }

    CompletableFuture<Traffic> traffic() {
        if (closed) {
            return CompletableFuture.completedFuture(Traffic.NONE);
        }
        return StatsReader.traffic(pc);
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        remote.detachAll();
        OurSenders.releaseAndClose(pc, tracks, "the connection to " + peerId, audioSender, cameraSender, screenSender);
        log.debug("{}: closed connection to {}", selfId, peerId);
    }

    // --- called by PeerObserver, on the engine thread ---

    void onNegotiationNeeded() {
        if (closed || !mayOffer) {
            return;
        }
        if (pc.getSignalingState() != RTCSignalingState.STABLE) {
            negotiationPending = true;
            return;
        }
        makingOffer = true;
        try {
            codecs.applyTo(pc);
            RTCSessionDescription offer = Sdp.createOffer(pc);
            Sdp.setLocal(pc, offer);
            relay.offer(peerId, StartBitrate.ask(offer.sdp, START_KBPS));
        } catch (NegotiationException e) {
            events.onProblem(Texts.get("call.offerFailed", peerId, e.getMessage()));
        } finally {
            makingOffer = false;
        }
    }

    void onLocalCandidate(RTCIceCandidate candidate) {
        if (closed) {
            return;
        }
        if (pc.getSignalingState() == RTCSignalingState.HAVE_LOCAL_OFFER) {
            ownCandidatesHeld.add(candidate);
        } else {
            send(candidate);
        }
    }

    void onConnectionChange(RTCPeerConnectionState change) {
        if (closed) {
            return;
        }
        ConnectionState newState = ConnectionState.of(change);
        state = newState;
        events.onConnectionState(peerId, newState);
        if (newState == ConnectionState.FAILED) {
            restartIce();
        }
        if (newState == ConnectionState.CONNECTED && !floorLiftScheduled) {
            floorLiftScheduled = true;
            CompletableFuture.delayedExecutor(startFloor.toMillis(), TimeUnit.MILLISECONDS, engine).execute(() -> {
                if (!closed) {
                    caps.liftStartFloor(cameraSender);
                }
            });
        }
    }

    private void addLocalTracks() {
        if (audioSender == null) {
            synchronized (tracks.audioSinkLock) {
                audioSender = pc.addTrack(tracks.audio, List.of(LocalTracks.CAMERA_STREAM));
            }
            updateAudio();
            cameraSender = pc.addTrack(tracks.camera, List.of(LocalTracks.CAMERA_STREAM));
            caps.camera(cameraSender);
        }
        updateScreen();
    }

    private void capVideo() {
        caps.camera(cameraSender);
        caps.screen(screenSender);
    }

    /** A remote description may stop a sender of our audio track: see LocalTracks#audioSinkLock. */
    private void setRemote(RTCSessionDescription description) throws NegotiationException {
        synchronized (tracks.audioSinkLock) {
            Sdp.setRemote(pc, description);
        }
    }

    private void negotiateIfPending() {
        if (negotiationPending && pc.getSignalingState() == RTCSignalingState.STABLE) {
            negotiationPending = false;
            onNegotiationNeeded();
        }
    }

    private void flushCandidates() {
        for (RTCIceCandidate candidate : pendingCandidates) {
            addCandidate(candidate);
        }
        pendingCandidates.clear();
    }

    /** Once our offer is answered (or rolled back), the candidates held meanwhile go out. */
    private void sendHeldCandidates() {
        for (RTCIceCandidate candidate : ownCandidatesHeld) {
            send(candidate);
        }
        ownCandidatesHeld.clear();
    }

    private void send(RTCIceCandidate candidate) {
        relay.ice(peerId, new IceCandidate(candidate.sdp, candidate.sdpMid, candidate.sdpMLineIndex));
    }

    private void addCandidate(RTCIceCandidate candidate) {
        try {
            pc.addIceCandidate(candidate);
        } catch (RuntimeException e) {
            if (!ignoreOffer) {
                log.warn("{}: candidate from {} rejected: {}", selfId, peerId, e.toString());
            }
        }
    }
}

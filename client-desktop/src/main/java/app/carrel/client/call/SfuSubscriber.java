package app.carrel.client.call;

import app.carrel.client.call.Sdp.NegotiationException;
import app.carrel.client.i18n.Texts;
import app.carrel.protocol.IceCandidate;
import app.carrel.protocol.SfuPc;
import app.carrel.protocol.SfuStream;
import app.carrel.protocol.StreamKind;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything we receive in a hall, on one connection from Janus: the SFU offers, we answer. One
 * m-line may carry different people over time (Janus reuses inactive ones), so frames are routed
 * by mid at the moment they arrive, to whoever the last {@code sfu-offer} said owns that mid.
 * Engine thread, except the sinks, which run on native threads and read only the volatile map.
 */
final class SfuSubscriber {
    private static final Logger log = LoggerFactory.getLogger(SfuSubscriber.class);

    private final RTCPeerConnection pc;
    private final SfuSignals signals;
    private final Consumer<String> problems;
    private final Function<String, RemoteMedia> remotes;
    private final List<Runnable> detachers = new ArrayList<>();
    private volatile Map<String, SfuStream> byMid = Map.of();
    private boolean closed;
    private ConnectionState state = ConnectionState.NEW;

    SfuSubscriber(PeerConnectionFactory factory, RTCConfiguration config, SfuSignals signals,
                  Executor engine, Consumer<String> problems, Consumer<ConnectionState> states,
                  Function<String, RemoteMedia> remotes) {
        this.signals = signals;
        this.problems = problems;
        this.remotes = remotes;
        this.pc = factory.createPeerConnection(config, new SfuObserver(engine,
                c -> {
                    if (!closed) {
                        signals.ice(SfuPc.SUBSCRIBER, new IceCandidate(c.sdp, c.sdpMid, c.sdpMLineIndex));
                    }
                },
                s -> {
                    state = s;
                    states.accept(s);
                },
                this::onTrack));
    }

    ConnectionState state() {
        return state;
    }

    /** The participants some m-line carries now. */
    List<String> carried() {
        return byMid.values().stream().map(SfuStream::peer).filter(p -> p != null).distinct().toList();
    }

    void onOffer(String sdp, List<SfuStream> streams) {
        if (closed) {
            return;
        }
        Map<String, SfuStream> map = new HashMap<>();
        for (SfuStream s : streams) {
            map.put(s.mid(), s);
        }
        byMid = Map.copyOf(map);
        try {
            Sdp.setRemote(pc, new RTCSessionDescription(RTCSdpType.OFFER, sdp));
            RTCSessionDescription answer = Sdp.createAnswer(pc);
            Sdp.setLocal(pc, answer);
            signals.answer(answer.sdp);
        } catch (NegotiationException e) {
            problems.accept(Texts.get("call.negotiationFailed", "SFU", e.getMessage()));
        }
    }

    /** What arrives from one participant: the inbound streams on the mids it owns now. */
    CompletableFuture<PeerStats> stats(String peerId, StatsReader reader) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("Hall subscriber closed"));
        }
        CompletableFuture<RTCStatsReport> report = new CompletableFuture<>();
        pc.getStats(report::complete);
        Map<String, SfuStream> owners = byMid;
        return report.orTimeout(5, TimeUnit.SECONDS).thenApply(r -> reader.read(peerId, state, r, mid -> {
            SfuStream s = owners.get(mid);
            return s != null && peerId.equals(s.peer());
        }));
    }

    CompletableFuture<Traffic> traffic() {
        return closed ? CompletableFuture.completedFuture(Traffic.NONE) : StatsReader.traffic(pc);
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (this) {
            for (Runnable detach : detachers) {
                try {
                    detach.run();
                } catch (RuntimeException e) {
                    log.warn("Removing a hall sink failed: {}", e.toString());
                }
            }
            detachers.clear();
        }
        pc.close();
    }

    /** Native thread: one sink per m-line's track, routing by mid. */
    private synchronized void onTrack(RTCRtpTransceiver transceiver) {
        if (closed) {
            return;
        }
        String mid = transceiver.getMid();
        MediaStreamTrack track = transceiver.getReceiver().getTrack();
        if (track instanceof VideoTrack video) {
            VideoTrackSink sink = frame -> routeVideo(mid, frame);
            video.addSink(sink);
            detachers.add(() -> video.removeSink(sink));
        } else if (track instanceof AudioTrack audio) {
            AudioTrackSink sink = (data, bits, rate, channels, frames) -> routeAudio(mid, data, bits, rate, channels,
                    frames);
            audio.addSink(sink);
            detachers.add(() -> audio.removeSink(sink));
        }
    }

    private void routeVideo(String mid, VideoFrame frame) {
        try {
            SfuStream stream = byMid.get(mid);
            RemoteMedia remote = stream == null || stream.peer() == null ? null : remotes.apply(stream.peer());
            if (remote != null) {
                remote.acceptVideo(stream.kind() == StreamKind.SCREEN ? VideoKind.SCREEN : VideoKind.CAMERA, frame);
                return; // released there
            }
        } catch (Throwable e) {
            log.debug("Routing a hall frame failed: {}", e.toString());
        }
        frame.release();
    }

    private void routeAudio(String mid, byte[] data, int bits, int rate, int channels, int frames) {
        try {
            SfuStream stream = byMid.get(mid);
            RemoteMedia remote = stream == null || stream.peer() == null ? null : remotes.apply(stream.peer());
            if (remote != null) {
                remote.levelSink().onData(data, bits, rate, channels, frames);
            }
        } catch (Throwable e) {
            log.debug("Routing hall audio failed: {}", e.toString());
        }
    }
}

package app.carrel.client.call;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import java.util.Map;
import java.util.function.Predicate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Turns a native stats report into {@link PeerStats}. Keeps the previous byte counts so bitrates
 * are rates; owned by one {@link PeerSession}, used on the engine thread only.
 */
final class StatsReader {

    private long lastBytesIn = -1;
    private long lastBytesOut = -1;
    private long lastMicros;

    PeerStats read(String peerId, ConnectionState state, RTCStatsReport report) {
        return read(peerId, state, report, mid -> true);
    }

    /**
     * One participant's share of a connection that carries several (a hall's subscriber): only the
     * inbound streams whose mid {@code ours} accepts; nothing outbound.
     */
    PeerStats read(String peerId, ConnectionState state, RTCStatsReport report, Predicate<String> ours) {
        long framesDecoded = 0;
        double fps = 0;
        int width = 0;
        int height = 0;
        long bytesIn = 0;
        long bytesOut = 0;
        long lost = 0;
        long received = 0;
        long camFrames = -1;
        String pairId = null;
        Map<String, RTCStats> all = report.getStats();
        for (RTCStats s : all.values()) {
            Map<String, Object> a = s.getAttributes();
            if (s.getType() == RTCStatsType.INBOUND_RTP && ours.test(String.valueOf(a.get("mid")))) {
                bytesIn += number(a.get("bytesReceived"));
                lost += number(a.get("packetsLost"));
                received += number(a.get("packetsReceived"));
                // Several inbound videos (camera + screen): report the one decoding most.
                long frames = number(a.get("framesDecoded"));
                if ("video".equals(a.get("kind")) && frames > camFrames) {
                    camFrames = frames;
                    framesDecoded = frames;
                    fps = decimal(a.get("framesPerSecond"));
                    width = (int) number(a.get("frameWidth"));
                    height = (int) number(a.get("frameHeight"));
                }
            } else if (s.getType() == RTCStatsType.OUTBOUND_RTP) {
                bytesOut += number(a.get("bytesSent"));
            } else if (s.getType() == RTCStatsType.TRANSPORT && a.get("selectedCandidatePairId") != null) {
                pairId = a.get("selectedCandidatePairId").toString();
            }
        }
        Double rttMs = null;
        String candidateType = null;
        RTCStats pair = pairId == null ? null : all.get(pairId);
        if (pair != null) {
            Object rtt = pair.getAttributes().get("currentRoundTripTime");
            rttMs = rtt == null ? null : decimal(rtt) * 1000;
            Object localId = pair.getAttributes().get("localCandidateId");
            RTCStats local = localId == null ? null : all.get(localId.toString());
            if (local != null && local.getAttributes().get("candidateType") != null) {
                candidateType = local.getAttributes().get("candidateType").toString();
            }
        }
        long micros = report.getTimestamp();
        long kbpsIn = rate(bytesIn, lastBytesIn, micros);
        long kbpsOut = rate(bytesOut, lastBytesOut, micros);
        lastBytesIn = bytesIn;
        lastBytesOut = bytesOut;
        lastMicros = micros;
        double loss = lost + received == 0 ? 0 : 100.0 * lost / (lost + received);
        return new PeerStats(peerId, state, framesDecoded, fps, width, height, kbpsIn, kbpsOut, rttMs,
                lost, loss, candidateType, bytesOut, bytesIn);
    }

    /** What one connection has sent and received so far (its stats, asked for natively). */
    static CompletableFuture<Traffic> traffic(RTCPeerConnection pc) {
        CompletableFuture<RTCStatsReport> report = new CompletableFuture<>();
        pc.getStats(report::complete);
        return report.orTimeout(5, TimeUnit.SECONDS).thenApply(StatsReader::traffic);
    }

    /** Every byte our RTP streams have sent and received on one connection, audio and video. */
    static Traffic traffic(RTCStatsReport report) {
        long sent = 0;
        long received = 0;
        for (RTCStats s : report.getStats().values()) {
            if (s.getType() == RTCStatsType.OUTBOUND_RTP) {
                sent += number(s.getAttributes().get("bytesSent"));
            } else if (s.getType() == RTCStatsType.INBOUND_RTP) {
                received += number(s.getAttributes().get("bytesReceived"));
            }
        }
        return new Traffic(sent, received);
    }

    private long rate(long bytes, long lastBytes, long micros) {
        long elapsed = micros - lastMicros;
        if (lastBytes < 0 || elapsed <= 0) {
            return 0;
        }
        return Math.max(0, (bytes - lastBytes) * 8 * 1000 / elapsed);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static double decimal(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}

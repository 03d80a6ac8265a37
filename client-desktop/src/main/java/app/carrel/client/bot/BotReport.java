package app.carrel.client.bot;

import app.carrel.client.call.CallEngine;
import app.carrel.client.call.PeerStats;
import app.carrel.client.call.VideoKind;
import app.carrel.client.call.VideoReception;
import app.carrel.client.media.FrameColor;
import app.carrel.protocol.Peer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One stats report line: JSON for programs, or a short text line for people. */
final class BotReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BotReport() {
    }

    static String json(CallEngine engine, List<PeerStats> stats) throws JsonProcessingException {
        ObjectNode root = JSON.createObjectNode();
        root.put("t", System.currentTimeMillis());
        root.put("self", engine.selfId());
        root.put("room", engine.roomId());
        ArrayNode peers = root.putArray("peers");
        List<Peer> known = engine.peers();
        for (Peer peer : known) {
            PeerStats s = stats.stream().filter(p -> p.peerId().equals(peer.id())).findFirst().orElse(null);
            VideoReception camera = engine.videoReception(peer.id(), VideoKind.CAMERA);
            VideoReception screen = engine.videoReception(peer.id(), VideoKind.SCREEN);
            ObjectNode node = peers.addObject();
            node.put("id", peer.id());
            node.put("name", peer.name());
            node.put("state", s == null ? "new" : s.state().label());
            node.put("framesDecoded", s == null ? 0 : s.framesDecoded());
            node.put("fps", s == null ? 0 : s.fps());
            node.put("width", s == null ? 0 : s.width());
            node.put("height", s == null ? 0 : s.height());
            if (camera.frames() > 0) {
                node.put("avgColor", FrameColor.hex(camera.avgRgb()));
            } else {
                node.putNull("avgColor");
            }
            if (screen.frames() > 0) {
                node.put("screenFrames", screen.frames());
                node.put("screenWidth", screen.width());
                node.put("screenHeight", screen.height());
                node.put("screenAvgColor", FrameColor.hex(screen.avgRgb()));
            }
            node.put("candidateType", s == null ? null : s.candidateType());
            if (s == null || s.rttMs() == null) {
                node.putNull("rttMs");
            } else {
                node.put("rttMs", s.rttMs());
            }
            node.put("kbpsIn", s == null ? 0 : s.kbpsIn());
            node.put("kbpsOut", s == null ? 0 : s.kbpsOut());
            node.put("audio", peer.audio());
            node.put("video", peer.video());
            node.put("screen", peer.screen());
        }
        return JSON.writeValueAsString(root);
    }

    static String text(CallEngine engine, List<PeerStats> stats) {
        StringBuilder line = new StringBuilder("room ").append(engine.roomId()).append(": ");
        if (stats.isEmpty()) {
            line.append("alone");
        }
        for (PeerStats s : stats) {
            VideoReception camera = engine.videoReception(s.peerId(), VideoKind.CAMERA);
            line.append(String.format("[%s %s %dx%d %.0f fps %s %s rtt=%s] ", s.peerId().substring(0, 8), s.state().label(),
                    s.width(), s.height(), s.fps(), camera.frames() > 0 ? "#" + FrameColor.hex(camera.avgRgb()) : "-",
                    s.candidateType(), s.rttMs() == null ? "-" : String.format("%.0fms", s.rttMs())));
        }
        return line.toString().strip();
    }
}

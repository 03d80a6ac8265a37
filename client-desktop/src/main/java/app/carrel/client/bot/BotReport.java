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

/**
 * One stats report: JSON for programs (one line), or short text lines for people. One bot's JSON
 * is the object it always was (self, room, peers) plus name, transport and uplinkKbps; several
 * bots' report is {@code {"t":…, "bots":[…]}} with one such object each, so every peers entry
 * says whose view it is.
 */
final class BotReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BotReport() {
    }

    /** {@code stats} holds each bot's sample, in the order of {@code bots}. */
    static String json(List<Bot> bots, List<List<PeerStats>> stats) throws JsonProcessingException {
        ObjectNode root = JSON.createObjectNode();
        root.put("t", System.currentTimeMillis());
        if (bots.size() == 1) {
            describe(root, bots.get(0), stats.get(0));
        } else {
            ArrayNode all = root.putArray("bots");
            for (int i = 0; i < bots.size(); i++) {
                describe(all.addObject(), bots.get(i), stats.get(i));
            }
        }
        return JSON.writeValueAsString(root);
    }

    static String text(List<Bot> bots, List<List<PeerStats>> stats) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < bots.size(); i++) {
            if (bots.size() > 1) {
                lines.append(i == 0 ? "" : System.lineSeparator()).append(bots.get(i).name()).append(" ");
            }
            lines.append(text(bots.get(i), stats.get(i)));
        }
        return lines.toString();
    }

    private static void describe(ObjectNode root, Bot bot, List<PeerStats> stats) {
        CallEngine engine = bot.engine();
        root.put("name", bot.name());
        root.put("self", engine.selfId());
        root.put("room", engine.roomId());
        root.put("transport", engine.transportKind());
        root.put("uplinkKbps", bot.uplink().kbps());
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
    }

    private static String text(Bot bot, List<PeerStats> stats) {
        CallEngine engine = bot.engine();
        StringBuilder line = new StringBuilder("room ").append(engine.roomId())
                .append(" (").append(engine.transportKind()).append(", up ").append(bot.uplink().kbps()).append(" kbps): ");
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

package app.carrel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.FuzzFrames;
import app.carrel.server.testing.Json;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.java_websocket.framing.TextFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Thousands of random and malformed frames from several connections while a control pair keeps
 * relaying: every bad frame gets its error, the server stays up, the control pair loses nothing.
 */
@ContractTest
class FuzzContractTest {

    static final int FUZZERS = 4;
    static final int FRAMES = 1500;
    static final int ROUNDS = 30;
    static final int CONTROL_PER_ROUND = 10;
    static final Set<String> CODES = Set.of("bad-request", "room-not-found", "not-in-room", "peer-not-found",
            "invalid-name", "invalid-room-name", "invalid-capacity", "invalid-chat");

    // Rate limiting has its own test; here every frame should reach the parser.
    @RegisterExtension
    final ServerFixture server = new ServerFixture().rate(1_000_000, 1_000_000);

    @Test
    void randomAndMalformedFramesGetErrorsWhileAControlPairRelaysUndisturbed() {
        long seed = System.nanoTime();
        String replay = "fuzz seed " + seed;
        Member[] control = server.pair();
        List<RecordingClient> fuzzers = new ArrayList<>();
        List<List<String>> sent = new ArrayList<>();
        List<FuzzFrames> generators = new ArrayList<>();
        for (int f = 0; f < FUZZERS; f++) {
            fuzzers.add(server.connect());
            sent.add(new ArrayList<>());
            generators.add(new FuzzFrames(seed + f));
        }

        int perRound = FRAMES / ROUNDS;
        for (int round = 0; round < ROUNDS; round++) {
            for (int f = 0; f < FUZZERS; f++) {
                for (int i = 0; i < perRound; i++) {
                    int index = sent.get(f).size();
                    String frame = generators.get(f).frame(index);
                    sent.get(f).add(frame);
                    fuzzers.get(f).send(frame);
                }
            }
            for (int i = 0; i < CONTROL_PER_ROUND; i++) {
                int n = round * CONTROL_PER_ROUND + i;
                control[0].send("type", "offer", "to", control[1].id(), "sdp", "a" + n);
                control[1].send("type", "ice", "to", control[0].id(), "candidate", Json.map("candidate", "b" + n));
            }
        }

        for (int f = 0; f < FUZZERS; f++) {
            RecordingClient fuzzer = fuzzers.get(f);
            for (int index = 0; index < FRAMES; index++) {
                JsonNode reply = fuzzer.next();
                String frame = sent.get(f).get(index);
                String context = replay + ", frame " + index + ": " + abbreviate(frame) + " -> " + reply;
                assertEquals("error", reply.path("type").asText(), context);
                assertTrue(CODES.contains(reply.path("code").asText()), context);
                assertTrue(!reply.has("id") || ("f" + index).equals(reply.path("id").asText()), context);
            }
            fuzzer.sendJson("type", "list-rooms", "id", "end");
            assertEquals("end", fuzzer.expect("rooms").path("id").asText(), replay + ": one answer per frame");
        }

        int total = ROUNDS * CONTROL_PER_ROUND;
        for (int n = 0; n < total; n++) {
            JsonNode offer = control[1].expect("offer");
            assertEquals("a" + n, offer.path("sdp").asText(), replay);
            assertEquals(control[0].id(), offer.path("from").asText());
            assertEquals("b" + n, control[0].expect("ice").path("candidate").path("candidate").asText(), replay);
        }
        control[0].chatAndAwaitEcho("still relaying");
        assertEquals("still relaying", control[1].expect("chat").path("text").asText());
        assertTrue(server.connect().isOpen(), "the server still accepts connections");
    }

    @Test
    void connectionsClosedForBadFramesDoNotDisturbTheOthers() {
        Member[] control = server.pair();
        for (int i = 0; i < 10; i++) {
            RecordingClient binary = server.connect();
            binary.send(new byte[] {(byte) i});
            RecordingClient utf8 = server.connect();
            TextFrame frame = new TextFrame();
            frame.setPayload(ByteBuffer.wrap(new byte[] {'{', (byte) 0xFF, (byte) 0xFE, '}'}));
            utf8.sendFrame(frame);
            RecordingClient big = server.connect();
            big.send("{\"type\":\"chat\",\"text\":\"" + "y".repeat(70_000) + "\"}");
            control[0].send("type", "offer", "to", control[1].id(), "sdp", "ok " + i);

            binary.awaitCloseCode(1003, RecordingClient.DEFAULT_WAIT);
            utf8.awaitCloseCode(1007, RecordingClient.DEFAULT_WAIT);
            big.awaitCloseCode(1009, RecordingClient.DEFAULT_WAIT);
            assertEquals("ok " + i, control[1].expect("offer").path("sdp").asText());
        }
        RecordingClient later = server.connect();
        later.sendJson("type", "list-rooms", "id", "up");
        assertEquals("up", later.expect("rooms").path("id").asText());
    }

    static String abbreviate(String frame) {
        return frame.length() <= 200 ? frame : frame.substring(0, 200) + "…(" + frame.length() + " chars)";
    }
}

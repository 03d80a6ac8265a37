package app.carrel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Json;
import app.carrel.server.testing.RecordingClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.java_websocket.enums.Opcode;
import org.java_websocket.framing.TextFrame;
import org.junit.jupiter.api.Test;

/** Message size (1009), binary (1003), invalid UTF-8 (1007); the rate limit has its own class. */
@ContractTest
class LimitsContractTest extends PairContract {

    static final int MAX = 65_536;

    /** An offer to Alice whose JSON is exactly {@code bytes} bytes of UTF-8. */
    String offerOfSize(int bytes) {
        String empty = Json.object("type", "offer", "to", alice.id(), "sdp", "");
        String sdp = "é".repeat((bytes - empty.length()) / 2) + "a".repeat((bytes - empty.length()) % 2);
        String message = Json.object("type", "offer", "to", alice.id(), "sdp", sdp);
        assertEquals(bytes, message.getBytes(StandardCharsets.UTF_8).length);
        return message;
    }

    @Test
    void aMessageOfExactly65536BytesIsAccepted() {
        String message = offerOfSize(MAX);
        bob.send(message);
        assertEquals(Json.parse(message).path("sdp"), alice.expect("offer").path("sdp"));
    }

    @Test
    void aMessageOneByteTooBigClosesWith1009() {
        bob.send(offerOfSize(MAX + 1));
        bob.client().awaitCloseCode(1009, RecordingClient.DEFAULT_WAIT);
    }

    @Test
    void fragmentsAreReassembledAndTheWholeMessageCounts() {
        byte[] fits = offerOfSize(MAX).getBytes(StandardCharsets.UTF_8);
        bob.client().sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(fits, 0, 40_000), false);
        bob.client().sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(fits, 40_000, fits.length - 40_000), true);
        assertEquals(Json.parse(new String(fits, StandardCharsets.UTF_8)).path("sdp"), alice.expect("offer").path("sdp"));

        byte[] tooBig = offerOfSize(MAX + 1).getBytes(StandardCharsets.UTF_8);
        bob.client().sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(tooBig, 0, 40_000), false);
        bob.client().sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(tooBig, 40_000, tooBig.length - 40_000), true);
        bob.client().awaitCloseCode(1009, RecordingClient.DEFAULT_WAIT);
    }

    @Test
    void aBinaryMessageClosesWith1003() {
        bob.client().send(Json.object("type", "chat", "text", "binary").getBytes(StandardCharsets.UTF_8));
        bob.client().awaitCloseCode(1003, RecordingClient.DEFAULT_WAIT);
    }

    @Test
    void invalidUtf8ClosesWith1007() {
        TextFrame frame = new TextFrame();
        byte[] json = "{\"type\":\"chat\",\"text\":\"\u0000\"}".getBytes(StandardCharsets.UTF_8);
        json[json.length - 3] = (byte) 0xC3; // a lead byte followed by '"' is not UTF-8
        frame.setPayload(ByteBuffer.wrap(json));
        frame.setFin(true);
        bob.client().sendFrame(frame);
        bob.client().awaitCloseCode(1007, RecordingClient.DEFAULT_WAIT);
    }

    @Test
    void aConnectionClosedForBadDataLeavesItsRoomAndOthersCarryOn() {
        bob.client().send(new byte[] {1, 2, 3});
        bob.client().awaitCloseCode(1003, RecordingClient.DEFAULT_WAIT);
        assertEquals(bob.id(), alice.client().expect("peer-left", Duration.ofSeconds(6)).path("peer").asText());
        RecordingClient other = server.connect();
        other.sendJson("type", "list-rooms", "id", "ok");
        assertEquals("rooms", other.next().path("type").asText());
    }
}

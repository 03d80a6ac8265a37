package app.carrel.server;

import static app.carrel.server.testing.Json.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Json;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@ContractTest
class RelayContractTest extends PairContract {

    @Test
    void offerAndAnswerReachThePeerWithFromStampedAndSdpIntact() {
        String sdp = "v=0\r\no=- 46117 2 IN IP4 127.0.0.1\r\ns=Zoë 李 \uD83D\uDE00\r\n";
        bob.send("type", "offer", "to", alice.id(), "sdp", sdp);
        JsonNode offer = alice.expect("offer");
        assertEquals(bob.id(), offer.path("from").asText());
        assertEquals(sdp, offer.path("sdp").asText());
        assertTrue(!offer.has("to"), () -> "the relayed offer names its sender, not its target: " + offer);

        alice.send("type", "answer", "to", bob.id(), "sdp", "v=0 answer");
        JsonNode answer = bob.expect("answer");
        assertEquals(alice.id(), answer.path("from").asText());
        assertEquals("v=0 answer", answer.path("sdp").asText());
    }

    @Test
    void iceCandidatesAreRelayedWholeIncludingTheEndOfCandidates() {
        Map<String, Object> candidate = Json.map("candidate", "candidate:1 1 udp 2122260223 10.0.0.1 54321 typ host",
                "sdpMid", "0", "sdpMLineIndex", 0);
        bob.send("type", "ice", "to", alice.id(), "candidate", candidate);
        JsonNode ice = alice.expect("ice");
        assertEquals(bob.id(), ice.path("from").asText());
        assertEquals(Json.parse(Json.write(candidate)), ice.path("candidate"));

        bob.send("type", "ice", "to", alice.id(), "candidate", Json.map("candidate", "", "sdpMid", "0", "sdpMLineIndex", 0));
        assertEquals("", alice.expect("ice").path("candidate").path("candidate").asText("missing"));
    }

    @Test
    void anIceCandidateArrivesExactlyAsSentWithEveryFieldKept() {
        String candidate = "{\"candidate\":\"candidate:1 1 udp 2122260223 10.0.0.1 54321 typ host\",\"sdpMid\":null,"
                + "\"sdpMLineIndex\":0,\"usernameFragment\":\"Zx9q\","
                + "\"x-vendor\":{\"relayProtocol\":\"udp\",\"weights\":[1.50,null,false],\"note\":\"Zo\u00eb\"}}";
        bob.send("{\"type\":\"ice\",\"to\":\"" + alice.id() + "\",\"candidate\":" + candidate + "}");
        RecordingClient.Text ice = assertInstanceOf(RecordingClient.Text.class,
                alice.client().nextEvent(RecordingClient.DEFAULT_WAIT));
        assertEquals("ice", ice.json().path("type").asText(), ice::raw);
        assertEquals(bob.id(), ice.json().path("from").asText());
        JsonNode relayed = Json.parseExact(ice.raw()).path("candidate");
        assertEquals(Json.parseExact(candidate), relayed, () -> "sent " + candidate + " but the peer got " + ice.raw());
        assertTrue(relayed.has("sdpMid") && relayed.get("sdpMid").isNull(), "a null field is kept, not left out");
        List<String> order = new ArrayList<>();
        relayed.fieldNames().forEachRemaining(order::add);
        assertEquals(List.of("candidate", "sdpMid", "sdpMLineIndex", "usernameFragment", "x-vendor"), order);
    }

    @Test
    void aCandidateFieldTheContractNamesMustHaveItsType() {
        Object[][] wrong = {{"sdpMid", 0}, {"sdpMLineIndex", "0"}, {"sdpMLineIndex", 0.5}, {"usernameFragment", 5}};
        for (Object[] field : wrong) {
            bob.send("type", "ice", "id", "i", "to", alice.id(), "candidate", Json.map("candidate", "c", field[0], field[1]));
            assertError(bob.next(), "bad-request", "i");
        }
        bob.chatAndAwaitEcho("marker");
        assertEquals("marker", alice.expect("chat").path("text").asText(), "nothing malformed was relayed");
    }

    @Test
    void aForgedFromIsIgnored() {
        Member carol = server.join(alice.room(), "Carol");
        alice.expect("peer-joined");
        bob.expect("peer-joined");
        bob.send("type", "offer", "to", alice.id(), "from", carol.id(), "sdp", "forged");
        assertEquals(bob.id(), alice.expect("offer").path("from").asText());
        bob.send("type", "media-state", "from", carol.id(), "audio", false);
        assertEquals(bob.id(), alice.expect("media-state").path("from").asText());
        bob.send("type", "chat", "id", "c", "from", carol.id(), "text", "hi");
        assertEquals(bob.id(), alice.expect("chat").path("from").asText());
    }

    @Test
    void messagesFromOneSenderArriveInTheOrderSent() {
        for (int i = 0; i < 200; i++) {
            if (i % 3 == 0) {
                bob.send("type", "offer", "to", alice.id(), "sdp", "sdp " + i);
            } else if (i % 3 == 1) {
                bob.send("type", "answer", "to", alice.id(), "sdp", "sdp " + i);
            } else {
                bob.send("type", "ice", "to", alice.id(), "candidate", Json.map("candidate", "c " + i, "sdpMid", "0",
                        "sdpMLineIndex", 0));
            }
        }
        for (int i = 0; i < 200; i++) {
            JsonNode m = alice.next();
            String payload = i % 3 == 2 ? m.path("candidate").path("candidate").asText() : m.path("sdp").asText();
            assertEquals((i % 3 == 2 ? "c " : "sdp ") + i, payload, m::toString);
        }
    }

    @Test
    void aPeerInAnotherRoomIsPeerNotFoundAndReceivesNothing() {
        Member[] other = server.pair();
        bob.send("type", "offer", "id", "x", "to", other[0].id(), "sdp", "v=0");
        assertError(bob.next(), "peer-not-found", "x");
        bob.send("type", "ice", "id", "y", "to", other[0].id(), "candidate", Json.map("candidate", "c"));
        assertError(bob.next(), "peer-not-found", "y");
        other[1].chatAndAwaitEcho("marker");
        assertEquals("marker", other[0].expect("chat").path("text").asText(), "nothing crossed rooms before it");
    }

    @Test
    void relayToSelfUnknownOrNonUuidPeersIsPeerNotFound() {
        for (String to : new String[] {bob.id(), UUID.randomUUID().toString(), "not-a-uuid", "", bob.room()}) {
            bob.send("type", "answer", "id", "a", "to", to, "sdp", "v=0");
            assertError(bob.next(), "peer-not-found", "a");
        }
        bob.chatAndAwaitEcho("marker");
        assertEquals("marker", alice.expect("chat").path("text").asText(), "nothing was relayed to Alice");
    }

    @Test
    void aPeerWhoLeftIsPeerNotFound() {
        alice.send("type", "leave", "id", "l");
        alice.expect("left");
        bob.expect("peer-left");
        bob.send("type", "offer", "id", "o", "to", alice.id(), "sdp", "v=0");
        assertError(bob.next(), "peer-not-found", "o");
    }

    @Test
    void malformedRelayFieldsAreBadRequest() {
        bob.send("type", "offer", "id", "1", "to", alice.id());
        assertError(bob.next(), "bad-request", "1");
        bob.send("type", "offer", "id", "2", "sdp", "v=0");
        assertError(bob.next(), "bad-request", "2");
        bob.send("type", "answer", "id", "3", "to", alice.id(), "sdp", 5);
        assertError(bob.next(), "bad-request", "3");
        bob.send("type", "ice", "id", "4", "to", alice.id());
        assertError(bob.next(), "bad-request", "4");
        bob.send("type", "ice", "id", "5", "to", alice.id(), "candidate", "candidate:1 1 udp");
        assertError(bob.next(), "bad-request", "5");
        bob.send("type", "ice", "id", "6", "to", alice.id(), "candidate", Json.map("sdpMid", "0"));
        assertError(bob.next(), "bad-request", "6");
        bob.send("type", "ice", "id", "7", "to", alice.id(), "candidate", Json.map("candidate", 1));
        assertError(bob.next(), "bad-request", "7");
        bob.send("type", "offer", "id", "8", "to", 5, "sdp", "v=0");
        assertError(bob.next(), "bad-request", "8");
        bob.chatAndAwaitEcho("marker");
        assertEquals("marker", alice.expect("chat").path("text").asText(), "nothing malformed was relayed");
    }

    @Test
    void relayingOutsideARoomIsNotInRoom() {
        var stranger = server.connect();
        stranger.sendJson("type", "offer", "id", "o", "to", alice.id(), "sdp", "v=0");
        assertError(stranger.next(), "not-in-room", "o");
        stranger.sendJson("type", "answer", "id", "a", "to", alice.id(), "sdp", "v=0");
        assertError(stranger.next(), "not-in-room", "a");
        stranger.sendJson("type", "ice", "id", "i", "to", alice.id(), "candidate", Json.map("candidate", ""));
        assertError(stranger.next(), "not-in-room", "i");
        bob.chatAndAwaitEcho("marker");
        assertEquals("marker", alice.expect("chat").path("text").asText());
    }
}

package app.carrel.server;

import static app.carrel.server.testing.Json.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.relay.QuietSdpTest;
import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Quiet rooms (docs/protocol.md §13): nobody's microphone is on, enforced by the server on the
 * flags everyone sees and on the media itself (the relay makes every audio m-section inactive).
 */
@ContractTest
class QuietRoomContractTest {

    @RegisterExtension
    final ServerFixture server = new ServerFixture();

    JsonNode create(Object... extra) {
        RecordingClient creator = server.connect();
        java.util.List<Object> fields = new java.util.ArrayList<>(java.util.List.of("type", "create-room", "id", "q",
                "name", "Quiet"));
        fields.addAll(java.util.Arrays.asList(extra));
        creator.sendJson(fields.toArray());
        return creator.next();
    }

    @Test
    void quietIsABooleanSetAtCreationAndShownOnlyForQuietRooms() {
        JsonNode quiet = create("quiet", true);
        assertEquals("room-created", quiet.path("type").asText(), quiet::toString);
        assertTrue(quiet.path("room").path("quiet").asBoolean(), quiet::toString);
        JsonNode normal = create("quiet", false);
        assertFalse(normal.path("room").has("quiet"), () -> "written only for quiet rooms: " + normal);
        assertError(create("quiet", 1), "bad-request", "q");
        assertError(create("quiet", "true"), "bad-request", "q");

        RecordingClient lobby = server.connect();
        lobby.sendJson("type", "list-rooms", "id", "l");
        JsonNode listed = LobbyContractTest.only(lobby.expect("rooms").path("rooms"), quiet.path("room").path("id").asText());
        assertTrue(listed.path("quiet").asBoolean(), listed::toString);
    }

    @Test
    void aMicrophoneCannotBeTurnedOnInAQuietRoom() {
        String room = create("quiet", true).path("room").path("id").asText();
        Member ann = server.join(room, "Ann", "study", true);
        Member vic = server.join(room, "Vic", "audio", true, "video", true);
        JsonNode vicSeen = ann.expect("peer-joined").path("peer");
        assertFalse(vicSeen.path("audio").asBoolean(true), () -> "a join's audio is taken as false: " + vicSeen);
        assertTrue(vicSeen.path("video").asBoolean());
        assertFalse(vic.joined().path("peers").get(0).path("audio").asBoolean(true));

        vic.send("type", "media-state", "id", "m", "audio", true);
        assertError(vic.next(), "room-quiet", "m");
        vic.send("type", "media-state", "id", "n", "audio", true, "video", false);
        assertError(vic.next(), "room-quiet", "n");
        JsonNode media = ann.expect("media-state");
        assertEquals(vic.id(), media.path("from").asText());
        assertFalse(media.path("audio").asBoolean(true), media::toString);
        assertFalse(media.path("video").asBoolean(true), () -> "the other flags still apply: " + media);

        vic.send("type", "media-state", "id", "o", "audio", false);
        assertFalse(ann.expect("media-state").path("audio").asBoolean(true));
        Member late = server.join(room, "Late");
        for (JsonNode peer : late.joined().path("peers")) {
            assertFalse(peer.path("audio").asBoolean(true), () -> "the stored flag stayed false: " + peer);
        }
    }

    @Test
    void theRelayMakesEveryAudioSectionOfOffersAndAnswersInactive() {
        String room = create("quiet", true).path("room").path("id").asText();
        Member ann = server.join(room, "Ann");
        Member ben = server.join(room, "Ben");
        ann.expect("peer-joined");
        String offer = QuietSdpTest.OFFER;
        ben.send("type", "offer", "to", ann.id(), "sdp", offer);
        String relayed = ann.expect("offer").path("sdp").asText();
        assertTrue(relayed.contains("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=inactive\r\n"), relayed);
        assertFalse(relayed.contains("a=recvonly"), relayed);
        assertTrue(relayed.contains("a=mid:1\r\na=sendrecv\r\n"), () -> "video untouched: " + relayed);
        ann.send("type", "answer", "to", ben.id(), "sdp", offer);
        String answer = ben.expect("answer").path("sdp").asText();
        assertEquals(relayed, answer);

        String loud = server.createRoom("Loud");
        Member cy = server.join(loud, "Cy");
        Member di = server.join(loud, "Di");
        cy.expect("peer-joined");
        di.send("type", "offer", "to", cy.id(), "sdp", offer);
        assertEquals(offer, cy.expect("offer").path("sdp").asText(), "other rooms' SDP passes untouched");
    }
}

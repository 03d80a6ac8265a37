package app.carrel.server;

import static app.carrel.server.JoinContractTest.assertMedia;
import static app.carrel.server.testing.Json.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

@ContractTest
class MediaStateContractTest extends PairContract {

    @Test
    void aPartialUpdateIsBroadcastWithAllThreeFlagsToEveryoneElse() {
        bob.send("type", "media-state", "audio", false);
        JsonNode state = alice.expect("media-state");
        assertEquals(bob.id(), state.path("from").asText());
        assertMedia(state, false, true, false);

        bob.send("type", "media-state", "screen", true);
        assertMedia(alice.expect("media-state"), false, true, true);

        bob.send("type", "media-state", "audio", null, "video", false);
        assertMedia(alice.expect("media-state"), false, false, true);

        bob.send("type", "chat", "id", "mark", "text", "marker");
        assertEquals("chat", bob.next().path("type").asText(), "the sender gets no copy of its media-state");
    }

    @Test
    void aLaterJoinerSeesTheCurrentFlagsInPeers() {
        bob.send("type", "media-state", "audio", false, "video", false, "screen", true);
        alice.expect("media-state");
        Member carol = server.join(alice.room(), "Carol");
        for (JsonNode peer : carol.joined().path("peers")) {
            if (peer.path("id").asText().equals(bob.id())) {
                assertMedia(peer, false, false, true);
            } else {
                assertMedia(peer, true, true, false);
            }
        }
    }

    @Test
    void flagsMustBeBooleans() {
        bob.send("type", "media-state", "id", "1", "audio", "false");
        assertError(bob.next(), "bad-request", "1");
        bob.send("type", "media-state", "id", "2", "video", 0);
        assertError(bob.next(), "bad-request", "2");
        bob.chatAndAwaitEcho("marker");
        assertEquals("chat", alice.next().path("type").asText(), "nothing was broadcast for bad flags");
    }

    @Test
    void mediaStateOutsideARoomIsNotInRoom() {
        RecordingClient stranger = server.connect();
        stranger.sendJson("type", "media-state", "id", "m", "audio", true);
        assertError(stranger.next(), "not-in-room", "m");
    }
}

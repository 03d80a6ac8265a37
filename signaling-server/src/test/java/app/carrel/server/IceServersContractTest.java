package app.carrel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** joined.iceServers: STUN as given; TURN with coturn REST-API credentials when a secret is set. */
@ContractTest
class IceServersContractTest {

    static final String SECRET = "turn-shared-secret";

    @RegisterExtension
    final ServerFixture server = new ServerFixture()
            .ice(List.of("stun:stun.example.org:3478"), List.of("turn:turn.example.org:3478?transport=udp"), SECRET);

    @Test
    void joinedHandsOutStunAndTimeLimitedTurnCredentials() throws Exception {
        Member alice = server.join(server.createRoom("Ice"), "Alice");
        JsonNode servers = alice.joined().path("iceServers");
        List<String> urls = new ArrayList<>();
        JsonNode turn = null;
        for (JsonNode entry : servers) {
            assertTrue(entry.path("urls").isArray(), () -> "urls is a list: " + entry);
            for (JsonNode url : entry.path("urls")) {
                urls.add(url.asText());
                if (url.asText().startsWith("turn:")) {
                    turn = entry;
                }
            }
        }
        assertTrue(urls.contains("stun:stun.example.org:3478"), urls::toString);
        assertTrue(urls.contains("turn:turn.example.org:3478?transport=udp"), urls::toString);
        JsonNode turnServer = turn;
        String username = turnServer.path("username").asText();
        String[] parts = username.split(":", 2);
        assertEquals(2, parts.length, () -> "username is expiry:participant: " + turnServer);
        assertTrue(Long.parseLong(parts[0]) > System.currentTimeMillis() / 1000, "expiry is in the future");
        assertEquals(alice.id(), parts[1]);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, turnServer.path("credential").asText());
        for (JsonNode entry : servers) {
            if (entry != turnServer) {
                assertFalse(entry.has("credential") && entry.path("urls").toString().contains("stun:")
                        && entry.path("credential").asText().equals(expected), "STUN needs no TURN secret");
            }
        }
    }
}

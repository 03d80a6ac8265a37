package app.carrel.server;

import static app.carrel.server.testing.Json.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The default token bucket: starts full at 300, refills 100/s; 10 s of drops closes with 1008. */
@ContractTest
class RateLimitContractTest {

    @RegisterExtension
    final ServerFixture server = new ServerFixture();

    @Test
    void aFullBucketAnswersABurstOf300ThenDropsWithRateLimitedEchoingTheId() {
        RecordingClient client = server.connect();
        for (int i = 0; i < 400; i++) {
            client.sendJson("type", "list-rooms", "id", "r" + i);
        }
        int limited = 0;
        for (int i = 0; i < 400; i++) {
            JsonNode reply = client.next();
            assertEquals("r" + i, reply.path("id").asText(), () -> "answers come in order: " + reply);
            if (i < 300) {
                assertEquals("rooms", reply.path("type").asText(), () -> "the bucket starts full: " + reply);
            } else if ("error".equals(reply.path("type").asText())) {
                assertError(reply, "rate-limited", "r" + i);
                limited++;
            }
        }
        assertTrue(limited >= 50, "at most ~100 tokens can refill while 100 messages arrive; limited " + limited);
        client.sendJson("type", "list-rooms", "id", "open");
        assertEquals("open", client.nextMatching(m -> "open".equals(m.path("id").asText()), "a later answer",
                Duration.ofSeconds(5)).path("id").asText(), "the connection stays open");
    }

    @Test
    void aRateLimitedRelayIsDropped() {
        Member[] pair = server.pair();
        Member alice = pair[0];
        Member bob = pair[1];
        for (int i = 0; i < 400; i++) {
            bob.send("type", "offer", "id", "o" + i, "to", alice.id(), "sdp", "sdp " + i);
        }
        Set<String> dropped = new HashSet<>();
        bob.send("type", "chat", "id", "done", "text", "done");
        JsonNode reply = bob.client().next();
        // Everything up to the answer to "done" (its chat copy, or its own rate-limited error).
        while (!"done".equals(reply.path("id").asText())) {
            assertError(reply, "rate-limited", reply.path("id").asText());
            dropped.add(reply.path("id").asText().substring(1));
            reply = bob.client().next();
        }
        assertTrue(!dropped.isEmpty(), "400 offers at once must exceed the burst");
        List<String> delivered = new ArrayList<>();
        for (int i = 0; i < 400 - dropped.size(); i++) {
            delivered.add(alice.expect("offer").path("sdp").asText().substring(4));
        }
        for (int i = 0, d = 0; i < 400; i++) {
            if (!dropped.contains(String.valueOf(i))) {
                assertEquals(String.valueOf(i), delivered.get(d++), "exactly the offers not rate-limited, in order");
            }
        }
    }

    @Test
    void tenSecondsOfSustainedAbuseClosesWith1008() {
        RecordingClient client = server.connect();
        List<JsonNode> received = new ArrayList<>();
        long start = System.nanoTime();
        RecordingClient.Closed closed = null;
        while (closed == null && System.nanoTime() - start < Duration.ofSeconds(14).toNanos()) {
            for (int i = 0; i < 30; i++) {
                client.sendJson("type", "list-rooms", "id", "x");
            }
            // ~600 messages/s against 100/s: every second has drops. Polling doubles as pacing.
            closed = client.drainUntilClosed(Duration.ofMillis(50), received);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertNotNull(closed, "still open after " + elapsed);
        assertEquals(1008, closed.code(), closed::toString);
        assertTrue(elapsed.compareTo(Duration.ofMillis(8500)) >= 0, "closed too early: " + elapsed);
        assertTrue(received.stream().anyMatch(m -> "rate-limited".equals(m.path("code").asText())),
                "drops were reported before the close");
        assertEquals("x", received.stream().filter(m -> "error".equals(m.path("type").asText())).findFirst()
                .map(m -> m.path("id").asText()).orElse(null));
    }
}

package app.carrel.server;

import static app.carrel.server.testing.Json.assertError;
import static app.carrel.server.testing.Json.assertId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

@ContractTest
class ChatContractTest extends PairContract {

    static final String EMOJI = "\uD83D\uDE00";

    @Test
    void chatGoesToEveryoneAndOnlyTheSendersCopyCarriesTheId() {
        long before = System.currentTimeMillis();
        bob.send("type", "chat", "id", "5", "text", "hi");
        JsonNode own = bob.expect("chat");
        JsonNode other = alice.expect("chat");
        long after = System.currentTimeMillis();

        assertId(own, "5");
        assertId(other, null);
        for (JsonNode chat : new JsonNode[] {own, other}) {
            assertEquals(bob.id(), chat.path("from").asText());
            assertEquals("Bob", chat.path("name").asText());
            assertEquals("hi", chat.path("text").asText());
            assertTrue(chat.path("at").isIntegralNumber() && chat.path("seq").isIntegralNumber(), chat::toString);
            assertTrue(chat.path("at").asLong() >= before - 1000 && chat.path("at").asLong() <= after + 1000,
                    () -> "at is epoch ms of sending: " + chat);
        }
        assertEquals(own.path("seq"), other.path("seq"));
        assertEquals(own.path("at"), other.path("at"));
    }

    @Test
    void seqIncreasesPerRoomInSendingOrder() {
        long last = Long.MIN_VALUE;
        for (int i = 0; i < 5; i++) {
            (i % 2 == 0 ? alice : bob).send("type", "chat", "text", "line " + i);
            JsonNode seenByAlice = alice.expect("chat");
            JsonNode seenByBob = bob.expect("chat");
            assertEquals("line " + i, seenByAlice.path("text").asText());
            assertEquals(seenByAlice.path("seq"), seenByBob.path("seq"));
            assertTrue(seenByAlice.path("seq").asLong() > last, () -> "seq must increase: " + seenByAlice);
            last = seenByAlice.path("seq").asLong();
        }
    }

    @Test
    void chatTextIsOneToTwoThousandCodePoints() {
        bob.send("type", "chat", "id", "max", "text", "x".repeat(2000));
        assertEquals(2000, bob.expect("chat").path("text").asText().length());
        bob.send("type", "chat", "id", "emoji", "text", EMOJI.repeat(2000));
        assertEquals(EMOJI.repeat(2000), bob.expect("chat").path("text").asText());
        bob.send("type", "chat", "id", "long", "text", "x".repeat(2001));
        assertError(bob.next(), "invalid-chat", "long");
        bob.send("type", "chat", "id", "long-emoji", "text", EMOJI.repeat(2001));
        assertError(bob.next(), "invalid-chat", "long-emoji");
        bob.send("type", "chat", "id", "empty", "text", "");
        assertError(bob.next(), "invalid-chat", "empty");
        alice.expect("chat");
        alice.expect("chat");
        bob.chatAndAwaitEcho("marker");
        assertEquals("marker", alice.expect("chat").path("text").asText(), "invalid chats reach nobody");
    }

    @Test
    void chatTextMustBeAPresentString() {
        bob.send("type", "chat", "id", "n", "text", 5);
        assertError(bob.next(), "bad-request", "n");
        bob.send("type", "chat", "id", "m");
        assertError(bob.next(), "bad-request", "m");
        bob.send("type", "chat", "id", "z", "text", null);
        assertError(bob.next(), "bad-request", "z");
    }

    @Test
    void chatOutsideARoomIsNotInRoom() {
        RecordingClient stranger = server.connect();
        stranger.sendJson("type", "chat", "id", "c", "text", "hello?");
        assertError(stranger.next(), "not-in-room", "c");
    }

    @Test
    void aJoinerGetsTheLastFiftyChatsOldestFirstWithoutIds() {
        for (int i = 1; i <= 55; i++) {
            bob.send("type", "chat", "id", "c" + i, "text", "message " + i);
        }
        for (int i = 1; i <= 55; i++) {
            assertEquals("message " + i, bob.expect("chat").path("text").asText());
        }
        Member carol = server.join(alice.room(), "Carol");
        JsonNode chat = carol.joined().path("chat");
        assertEquals(50, chat.size(), () -> "replay size: " + chat.size());
        long last = Long.MIN_VALUE;
        for (int i = 0; i < 50; i++) {
            JsonNode line = chat.get(i);
            assertEquals("message " + (i + 6), line.path("text").asText(), "oldest first, the newest 50");
            assertEquals("chat", line.path("type").asText(), () -> "a replayed Chat has type chat: " + line);
            assertEquals(bob.id(), line.path("from").asText());
            assertEquals("Bob", line.path("name").asText());
            assertTrue(line.path("at").isIntegralNumber(), line::toString);
            assertFalse(line.has("id"), () -> "replayed chat carries no id: " + line);
            assertTrue(line.path("seq").asLong() > last);
            last = line.path("seq").asLong();
        }
    }
}

package app.carrel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.ServerMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end wiring of the server's own pieces; the full contract lives in the *ContractTest suite. */
class CarrelServerTest {
    @TempDir
    Path dir;

    private ServerConfig config() {
        return ServerConfig.builder().bind("127.0.0.1").port(0).database(dir.resolve("carrel.db"))
                .adminPort(0).resumeGrace(Duration.ofSeconds(20)).build();
    }

    @Test
    void relaysBetweenTwoClientsAndResumesAcrossARestart() throws Exception {
        String roomId;
        String aliceId;
        String aliceToken;
        String bobToken;
        try (CarrelServer server = CarrelServer.start(config());
             SmokeClient alice = new SmokeClient(server.uri());
             SmokeClient bob = new SmokeClient(server.uri())) {
            alice.next(ServerMessage.Welcome.class);
            bob.next(ServerMessage.Welcome.class);
            alice.send("{\"type\":\"create-room\",\"id\":\"c\",\"name\":\" Algorithms \",\"capacity\":2}");
            roomId = alice.next(ServerMessage.RoomCreated.class).room().id();
            alice.send("{\"type\":\"join\",\"id\":\"j\",\"room\":\"" + roomId + "\",\"name\":\"Alice\"}");
            ServerMessage.Joined aliceJoined = alice.next(ServerMessage.Joined.class);
            aliceId = aliceJoined.self().id();
            aliceToken = aliceJoined.resume();
            bob.send("{\"type\":\"join\",\"room\":\"" + roomId + "\",\"name\":\"Bob\"}");
            ServerMessage.Joined bobJoined = bob.next(ServerMessage.Joined.class);
            bobToken = bobJoined.resume();
            assertEquals(aliceId, bobJoined.peers().get(0).id());
            assertEquals(2, bobJoined.room().participants());
            alice.next(ServerMessage.PeerJoined.class);

            bob.send("{\"type\":\"offer\",\"to\":\"" + aliceId + "\",\"sdp\":\"v=0\",\"from\":\"forged\"}");
            ServerMessage.Offer offer = alice.next(ServerMessage.Offer.class);
            assertEquals(bobJoined.self().id(), offer.from());
            bob.send("{\"type\":\"chat\",\"id\":\"5\",\"text\":\"hi\"}");
            assertEquals("5", bob.next(ServerMessage.Chat.class).id());
            assertEquals(null, alice.next(ServerMessage.Chat.class).id());

            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.adminPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("carrel_relayed_messages_total{type=\"offer\"} 1.0"), metrics);
            assertTrue(metrics.contains("carrel_participants 2.0"), metrics);
            server.close();
            assertEquals(1001, alice.awaitClose());
        }
        try (CarrelServer server = CarrelServer.start(config());
             SmokeClient alice = new SmokeClient(server.uri())) {
            alice.next(ServerMessage.Welcome.class);
            alice.send("{\"type\":\"join\",\"room\":\"" + roomId + "\",\"name\":\"x\",\"resume\":\"" + aliceToken + "\"}");
            ServerMessage.Joined again = alice.next(ServerMessage.Joined.class);
            assertEquals(aliceId, again.self().id());
            assertNotEquals(aliceToken, again.resume());
            assertEquals("Alice", again.self().name());
            assertEquals(2, again.room().participants(), "Bob keeps his seat during his grace period");
            assertEquals("hi", again.chat().get(0).text());
            try (SmokeClient bob = new SmokeClient(server.uri())) {
                bob.next(ServerMessage.Welcome.class);
                bob.send("{\"type\":\"join\",\"room\":\"" + roomId + "\",\"name\":\"Bob\",\"resume\":\"" + bobToken + "\"}");
                bob.next(ServerMessage.Joined.class);
                bob.send("{\"type\":\"join\",\"id\":\"again\",\"room\":\"" + roomId + "\",\"name\":\"Bob\"}");
                assertEquals(ErrorCode.ALREADY_JOINED, bob.next(ServerMessage.Error.class).code());
            }
        }
    }

    @Test
    void closesBinaryMessagesWith1003() throws Exception {
        try (CarrelServer server = CarrelServer.start(config());
             SmokeClient client = new SmokeClient(server.uri())) {
            client.next(ServerMessage.Welcome.class);
            client.sendBinary();
            assertEquals(1003, client.awaitClose());
        }
    }

    @Test
    void closesAMessageOverTheLimitWith1009() throws Exception {
        try (CarrelServer server = CarrelServer.start(config());
             SmokeClient client = new SmokeClient(server.uri())) {
            client.next(ServerMessage.Welcome.class);
            client.send("{\"type\":\"chat\",\"text\":\"" + "x".repeat(65_536) + "\"}");
            assertEquals(1009, client.awaitClose());
        }
    }
}

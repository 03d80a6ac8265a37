package app.carrel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that stops reading (a frozen laptop, a congested link) must neither hold up the server
 * nor lose anything: output the socket cannot take waits on the server, in order, with the
 * server's own frames (keep-alive pings) kept whole between ours.
 */
@ContractTest
class StalledReaderContractTest {
    /** Far more than loopback's socket buffers hold (a few MB each way), so the server must keep some. */
    private static final int OFFERS = 300;
    private static final int SDP_CHARS = 50_000;

    @RegisterExtension
    final ServerFixture server = new ServerFixture().rate(10_000, 10_000)
            // Pings every 100 ms interleave the library's own frames with the waiting output.
            .keepAlive(Duration.ofMillis(100), Duration.ofSeconds(60));

    @Test
    void aReaderThatStallsGetsEverythingInOrderAndDoesNotHoldUpTheRoom() throws InterruptedException {
        String room = server.createRoom("Stalled");
        StallingClient stalling = server.track(new StallingClient(server.uri()));
        stalling.connectOrFail(null);
        stalling.expect("welcome");
        Member alice = server.join(stalling, room, "Alice");
        Member bob = server.join(room, "Bob");
        alice.expect("peer-joined");

        stalling.stallAtNextOffer();
        for (int i = 0; i < OFFERS; i++) {
            bob.send("type", "offer", "to", alice.id(), "sdp", sdp(i));
        }
        // Bob's own chat comes back only after the server has handled all his offers: while
        // Alice's reader is still blocked on the first one, most of them cannot be in her socket.
        bob.chatAndAwaitEcho("all sent");
        assertTrue(stalling.isStalled(), "Alice's reader stayed blocked while the server went on");

        stalling.resume();
        for (int i = 0; i < OFFERS; i++) {
            JsonNode offer = alice.client().expect("offer", Duration.ofSeconds(20));
            String expected = sdp(i);
            String actual = offer.path("sdp").asText();
            assertEquals(expected.length(), actual.length(), "length of offer " + i);
            assertTrue(expected.equals(actual), "offer " + i + " arrived whole and in order");
        }
        assertEquals("all sent", alice.expect("chat").path("text").asText());
    }

    private static String sdp(int n) {
        String head = "v=0\r\no=- " + n + " 2 IN IP4 127.0.0.1\r\n";
        return head + "a".repeat(SDP_CHARS - head.length());
    }

    /** Blocks its reader thread (so the socket stops being read) from an offer until resumed. */
    private static final class StallingClient extends RecordingClient {
        private final CountDownLatch stalled = new CountDownLatch(1);
        private final CountDownLatch resumed = new CountDownLatch(1);
        private volatile boolean stallAtOffer;

        StallingClient(URI uri) {
            super(uri);
        }

        void stallAtNextOffer() {
            stallAtOffer = true;
        }

        boolean isStalled() throws InterruptedException {
            return stalled.await(RecordingClient.DEFAULT_WAIT.toMillis(), TimeUnit.MILLISECONDS) && resumed.getCount() == 1;
        }

        void resume() {
            resumed.countDown();
        }

        @Override
        public void onMessage(String message) {
            super.onMessage(message);
            if (stallAtOffer && message.contains("\"offer\"")) {
                stallAtOffer = false;
                stalled.countDown();
                try {
                    resumed.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}

package app.carrel.server.socket;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignalingServerTest {

    /**
     * The selector decodes what it reads only while Java-WebSocket has the buffer hand-back it
     * calls; a library upgrade that moves it would quietly bring back a thread hop per message.
     */
    @Test
    void readsAreDecodedOnTheThreadThatReadThem() {
        assertTrue(SignalingServer.decodesWhereItReads());
    }
}

package app.carrel.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.carrel.protocol.IceServer;
import java.util.List;
import org.junit.jupiter.api.Test;

class IceServersTest {
    @Test
    void turnCredentialsFollowCoturnsRestScheme() {
        IceServers servers = new IceServers(List.of("stun:a", "stun:b"), List.of("turn:t?transport=udp"), "s3cret");
        List<IceServer> list = servers.forParticipant("p-1", 1_700_000_000_123L);
        assertEquals(List.of("stun:a", "stun:b"), list.get(0).urls());
        assertNull(list.get(0).username());
        long expiry = 1_700_000_000L + 86_400;
        assertEquals(expiry + ":p-1", list.get(1).username());
        // echo -n "1700086400:p-1" | openssl dgst -sha1 -hmac s3cret -binary | base64
        assertEquals("172nNugieBS1gGjUzHQk30Ur+T8=", list.get(1).credential());
    }

    @Test
    void withoutASecretTurnIsHandedOutBare() {
        List<IceServer> list = new IceServers(List.of(), List.of("turn:t"), null).forParticipant("p", 0);
        assertEquals(List.of(new IceServer(List.of("turn:t"), null, null)), list);
    }
}

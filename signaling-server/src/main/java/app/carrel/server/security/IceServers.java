package app.carrel.server.security;

import app.carrel.protocol.IceServer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What {@code joined.iceServers} hands out: the STUN URLs as one entry, the TURN URLs as another.
 * With a shared secret, TURN gets time-limited credentials in coturn's REST-API scheme
 * ({@code use-auth-secret}): username {@code <expiry unix seconds>:<participant id>}, credential
 * base64(HMAC-SHA1(secret, username)).
 */
public final class IceServers {
    /** How long TURN credentials stay valid; a call longer than this must rejoin for new ones. */
    public static final Duration CREDENTIAL_LIFETIME = Duration.ofHours(24);

    private final List<String> stun;
    private final List<String> turn;
    private final String turnSecret;

    public IceServers(List<String> stun, List<String> turn, String turnSecret) {
        this.stun = List.copyOf(stun);
        this.turn = List.copyOf(turn);
        this.turnSecret = turnSecret;
    }

    public List<IceServer> forParticipant(String participantId, long nowMillis) {
        List<IceServer> servers = new ArrayList<>(2);
        if (!stun.isEmpty()) {
            servers.add(new IceServer(stun, null, null));
        }
        if (!turn.isEmpty()) {
            if (turnSecret == null) {
                servers.add(new IceServer(turn, null, null));
            } else {
                long expiry = nowMillis / 1000 + CREDENTIAL_LIFETIME.toSeconds();
                String username = expiry + ":" + participantId;
                servers.add(new IceServer(turn, username, credential(turnSecret, username)));
            }
        }
        return servers;
    }

    public static String credential(String secret, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }
}

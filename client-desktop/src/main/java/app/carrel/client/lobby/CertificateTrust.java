package app.carrel.client.lobby;

import app.carrel.client.signaling.ServerTrust;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;

/**
 * The trusted-certificate setting made into what a wss:// connection trusts, remembering which
 * setting the trust in use came from so a change in Settings can be noticed. FX thread.
 */
final class CertificateTrust {

    private String source = "";

    /** The trust for a PEM file's certificate; null (the JVM's trust store) for an empty setting. */
    SSLContext load(String pemPath) throws IOException, GeneralSecurityException {
        SSLContext trust = pemPath == null || pemPath.isBlank() ? null : ServerTrust.fromPem(Path.of(pemPath));
        source = pemPath;
        return trust;
    }

    boolean changed(String pemPath) {
        return !pemPath.equals(source);
    }
}

package app.carrel.server.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Builds the server's {@link SSLContext} from PEM files, as certbot and most CAs hand them out:
 * an X.509 certificate chain and an unencrypted PKCS#8 private key (RSA or EC).
 */
public final class TlsContext {
    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final char[] IN_MEMORY = "carrel".toCharArray();

    private TlsContext() {
    }

    public static SSLContext fromPem(Path certPem, Path keyPem) throws IOException, GeneralSecurityException {
        Certificate[] chain = readChain(certPem);
        PrivateKey key = readKey(keyPem);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("carrel", key, IN_MEMORY, chain);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, IN_MEMORY);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    static Certificate[] readChain(Path certPem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(certPem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new GeneralSecurityException("No certificate in " + certPem);
            }
            return certs.toArray(new Certificate[0]);
        }
    }

    static PrivateKey readKey(Path keyPem) throws IOException, GeneralSecurityException {
        Matcher m = PKCS8.matcher(Files.readString(keyPem, StandardCharsets.US_ASCII));
        if (!m.find()) {
            throw new GeneralSecurityException(keyPem + " holds no unencrypted PKCS#8 key"
                    + " ('BEGIN PRIVATE KEY'); convert with: openssl pkcs8 -topk8 -nocrypt");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(m.group(1)));
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException notThisAlgorithm) {
                // try the next one
            }
        }
        throw new GeneralSecurityException(keyPem + " holds neither an RSA nor an EC key");
    }
}

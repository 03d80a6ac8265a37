package app.carrel.server.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Builds the server's {@link SSLContext} from PEM files, as certbot and most CAs hand them out:
 * an X.509 certificate chain and a private key (RSA or EC). The key may be PKCS#8
 * ({@code BEGIN PRIVATE KEY}), PKCS#8 encrypted with a passphrase ({@code BEGIN ENCRYPTED PRIVATE
 * KEY}, what {@code openssl genpkey -aes-256-cbc} writes) or OpenSSL's traditional format, plain or
 * encrypted ({@code BEGIN RSA/EC PRIVATE KEY}); BouncyCastle's PEM reader does the parsing and the
 * decryption (PBES2, scrypt and the older PBE schemes alike).
 */
public final class TlsContext {
    private static final char[] IN_MEMORY = "carrel".toCharArray();

    private TlsContext() {
    }

    public static SSLContext fromPem(Path certPem, Path keyPem) throws IOException, GeneralSecurityException {
        return fromPem(certPem, keyPem, null);
    }

    /** {@code passphrase}: for an encrypted key; null for a plain one. */
    public static SSLContext fromPem(Path certPem, Path keyPem, String passphrase)
            throws IOException, GeneralSecurityException {
        Certificate[] chain = readChain(certPem);
        PrivateKey key = readKey(keyPem, passphrase);
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
        return readKey(keyPem, null);
    }

    /** The first private key in the file; other PEM objects (a certificate, EC parameters) are skipped. */
    static PrivateKey readKey(Path keyPem, String passphrase) throws IOException, GeneralSecurityException {
        // The JDK's own key classes, so that JSSE signs with the JDK's providers as before.
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        try (Reader in = Files.newBufferedReader(keyPem, StandardCharsets.US_ASCII);
             PEMParser pem = new PEMParser(in)) {
            for (Object item = pem.readObject(); item != null; item = pem.readObject()) {
                if (item instanceof PrivateKeyInfo plain) {
                    return keys.getPrivateKey(plain);
                }
                if (item instanceof PEMKeyPair pair) {
                    return keys.getKeyPair(pair).getPrivate();
                }
                if (item instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    return keys.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(new BouncyCastleProvider())
                                    .build(passphrase(keyPem, passphrase))));
                }
                if (item instanceof PEMEncryptedKeyPair encrypted) {
                    return keys.getKeyPair(encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder()
                            .setProvider(new BouncyCastleProvider()).build(passphrase(keyPem, passphrase)))).getPrivate();
                }
            }
        } catch (PKCSException | PEMException e) {
            // A wrong passphrase surfaces here (a bad padding or MAC after decryption), as does a damaged file.
            throw new GeneralSecurityException("Cannot read the private key in " + keyPem + ": "
                    + (passphrase == null ? "" : "wrong passphrase, or ") + "not a valid key (" + e.getMessage() + ")", e);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("Cannot decrypt " + keyPem + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // PEMParser's answer to base64 or ASN.1 that is not a key at all.
            throw new GeneralSecurityException(keyPem + " holds no readable private key: " + e.getMessage(), e);
        }
        throw new GeneralSecurityException(keyPem + " holds no private key (PEM 'BEGIN PRIVATE KEY',"
                + " 'BEGIN ENCRYPTED PRIVATE KEY', 'BEGIN RSA PRIVATE KEY' or 'BEGIN EC PRIVATE KEY')");
    }

    private static char[] passphrase(Path keyPem, String passphrase) throws GeneralSecurityException {
        if (passphrase == null) {
            throw new GeneralSecurityException(keyPem + " is encrypted: give its passphrase in a file with"
                    + " --tls-key-passphrase-file");
        }
        return passphrase.toCharArray();
    }
}

package app.carrel.server.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The server-wide join code (--join-code-file). Codes are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, which takes the same time wherever the first difference is, and
 * since both digests are 32 bytes, the time says nothing about the code's length either.
 */
public final class JoinCode {
    private final byte[] digest;

    public JoinCode(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("A join code must not be empty");
        }
        this.digest = sha256(code.strip());
    }

    /** Leading and trailing white space is not part of a code (a file's newline, a pasted space). */
    public boolean matches(String offered) {
        return offered != null && MessageDigest.isEqual(digest, sha256(offered.strip()));
    }

    @Override
    public String toString() {
        return "JoinCode(hidden)";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

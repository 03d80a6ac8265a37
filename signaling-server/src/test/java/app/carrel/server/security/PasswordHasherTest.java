package app.carrel.server.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse");
        assertTrue(hasher.verify("correct horse", hash));
        assertFalse(hasher.verify("correct horse ", hash));
    }

    @Test
    void saltsEachHashSoEqualPasswordsDiffer() {
        assertNotEquals(hasher.hash("same"), hasher.hash("same"));
    }

    @Test
    void storesItsIterationCountSoTheDefaultCanRise() {
        String hash = hasher.hash("pw");
        assertTrue(hash.startsWith("pbkdf2-sha256$1000$"));
        assertTrue(new PasswordHasher().verify("pw", hash));
    }
}

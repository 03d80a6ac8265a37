package app.carrel.server.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JoinCodeTest {

    @Test
    void onlyTheCodeMatchesIgnoringSurroundingSpace() {
        JoinCode code = new JoinCode("maple river 42\n");
        assertTrue(code.matches("maple river 42"));
        assertTrue(code.matches("  maple river 42 "));
        assertFalse(code.matches("maple river 4"));
        assertFalse(code.matches("Maple river 42"));
        assertFalse(code.matches(""));
        assertFalse(code.matches(null));
    }

    @Test
    void anEmptyCodeIsNoCode() {
        assertThrows(IllegalArgumentException.class, () -> new JoinCode(" \n"));
    }

    @Test
    void theCodeNeverShowsInALog() {
        assertFalse(new JoinCode("maple").toString().contains("maple"));
    }
}

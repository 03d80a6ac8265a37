package app.carrel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void namesAreStrippedThenChecked() {
        assertEquals("Alice", TextRules.displayName("  Alice\t"));
        assertNull(TextRules.displayName("   "));
        assertNull(TextRules.displayName("A\u0007lice"));
        assertNull(TextRules.displayName("A\u0085b"));
        assertEquals("x".repeat(40), TextRules.displayName("x".repeat(40)));
        assertNull(TextRules.displayName("x".repeat(41)));
    }

    @Test
    void limitsCountCodePointsNotUtf16Units() {
        String forty = "\uD83D\uDE00".repeat(40);
        assertEquals(forty, TextRules.displayName(forty));
        assertEquals("y".repeat(60), TextRules.roomName("y".repeat(60)));
        assertNull(TextRules.roomName("y".repeat(61)));
    }

    @Test
    void chatIsOneToTwoThousandCodePoints() {
        assertFalse(TextRules.validChat(""));
        assertTrue(TextRules.validChat(" "));
        assertTrue(TextRules.validChat("\uD83D\uDE00".repeat(2000)));
        assertFalse(TextRules.validChat("a".repeat(2001)));
    }
}

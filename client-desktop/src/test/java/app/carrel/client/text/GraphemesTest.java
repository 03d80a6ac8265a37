package app.carrel.client.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GraphemesTest {

    @Test
    void hangulSyllablesAreWholeEvenWhenSpelledInJamo() {
        assertEquals(List.of("강", "용", "민"), Graphemes.of("강용민"));
        assertEquals(List.of("\u1100\u1161\u11A8", "X"), Graphemes.of("\u1100\u1161\u11A8X"));
    }

    @Test
    void emojiSequencesAreOneGrapheme() {
        assertEquals(List.of("A", "n", "a", " ", "👩🏽‍💻"), Graphemes.of("Ana 👩🏽‍💻"));
        assertEquals(List.of("🇰🇷", "🇯🇵"), Graphemes.of("🇰🇷🇯🇵"));
        assertEquals(List.of("👍🏿", "x"), Graphemes.of("👍🏿x"));
        assertEquals(List.of("🏴󠁧󠁢󠁳󠁣󠁴󠁿", "1️⃣"), Graphemes.of("🏴󠁧󠁢󠁳󠁣󠁴󠁿1️⃣"));
    }

    @Test
    void combiningMarksAndConjunctsStayWithTheirLetter() {
        assertEquals(List.of("e\u0301", "x"), Graphemes.of("e\u0301x"));
        assertEquals(List.of("न", "म", "स्ते"), Graphemes.of("नमस्ते"));
    }

    @Test
    void cutKeepsWholeGraphemesAndMarksTheCut() {
        assertEquals("알고…", Graphemes.cut("알고리즘 스터디", 2));
        assertEquals("Ana 👩🏽‍💻…", Graphemes.cut("Ana 👩🏽‍💻👩🏽‍💻", 5));
        assertEquals("🇰🇷…", Graphemes.cut("🇰🇷🇯🇵", 1));
        assertEquals("さくら", Graphemes.cut("さくら", 3));
        assertEquals("…", Graphemes.cut("ليلى", 0));
    }

    @Test
    void firstIsTheWholeFirstGrapheme() {
        assertEquals("👩🏽‍💻", Graphemes.first("👩🏽‍💻 Ana"));
        assertEquals("", Graphemes.first(""));
    }
}

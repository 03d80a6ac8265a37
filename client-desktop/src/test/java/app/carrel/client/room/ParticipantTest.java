package app.carrel.client.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.carrel.protocol.MediaFlags;
import org.junit.jupiter.api.Test;

class ParticipantTest {

    @Test
    void initialsAreWholeGraphemesOfTheFirstTwoWords() {
        assertEquals("AJ", initials("ana  julia maria"));
        assertEquals("알스", initials("알고리즘 스터디"));
        assertEquals("강", initials("강용민"));
        assertEquals("A👩🏽‍💻", initials("Ana 👩🏽‍💻"));
        assertEquals("🇰🇷", initials(" 🇰🇷🇯🇵 "));
        assertEquals("E\u0301", initials("e\u0301lise"));
    }

    private static String initials(String name) {
        return new Participant("p", name, false, new MediaFlags(true, true, false)).initials();
    }
}

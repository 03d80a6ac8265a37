package app.carrel.client.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.call.ConnectionState;
import app.carrel.protocol.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bundles hold the same keys, every key the code asks for, and patterns that format. */
class TextsTest {
    private static final Path SOURCES = Path.of("src/main/java/app/carrel/client");
    private static final Pattern ASKED = Pattern.compile("Texts\\.get\\(");
    // A literal that looks like a key: "lobby.join", "error.room-full".
    private static final Pattern KEY = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9-]+)+)\"");
    // One apostrophe alone: MessageFormat would swallow it and quote the rest of the text.
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    private final Locale before = Locale.getDefault();

    @AfterEach
    void backToTheTestLocale() {
        Locale.setDefault(before);
        Texts.use(Language.SYSTEM);
    }

    @Test
    void englishAndKoreanHaveTheSameKeys() {
        Set<String> english = load("texts.properties").stringPropertyNames();
        Set<String> korean = load("texts_ko.properties").stringPropertyNames();
        assertEquals(new TreeSet<>(), minus(english, korean), "in English, missing in Korean");
        assertEquals(new TreeSet<>(), minus(korean, english), "in Korean, missing in English");
    }

    /** A key written twice keeps only its last text (a merge once made the mic's tooltip lose its "(M)"). */
    @Test
    void noKeyIsWrittenTwice() {
        for (String name : List.of("texts.properties", "texts_ko.properties")) {
            Set<String> seen = new TreeSet<>();
            Set<String> twice = new TreeSet<>();
            Properties counting = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    (seen.add((String) key) ? seen : twice).add((String) key);
                    return super.put(key, value);
                }
            };
            try (InputStream in = Texts.class.getResourceAsStream(name)) {
                counting.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertEquals(new TreeSet<>(), twice, "keys written twice in " + name);
        }
    }

    @Test
    void everyKeyTheCodeAsksForExists() {
        Set<String> english = load("texts.properties").stringPropertyNames();
        Set<String> asked = askedFor();
        assertTrue(asked.size() > 20, "the scan found only " + asked + ": is it looking in the right place?");
        for (ErrorCode code : ErrorCode.values()) {
            asked.add("error." + code.wire());
        }
        for (Language language : Language.values()) {
            asked.add("language." + language.name().toLowerCase(Locale.ROOT));
        }
        // Keys the code builds from a name: Quality's connection states, MediaControls' switches,
        // SettingsView's themes.
        for (ConnectionState state : ConnectionState.values()) {
            asked.add("quality.state." + state.label());
        }
        asked.addAll(List.of("media.failed.camera", "media.failed.microphone", "media.failed.screen",
                "settings.theme.light", "settings.theme.dark"));
        // The study features' words, by enum constant: presence, check-in answers and marks, and
        // which change failed (StudyRoom).
        for (app.carrel.protocol.Presence p : app.carrel.protocol.Presence.values()) {
            asked.add("people.presence." + p.name().toLowerCase(Locale.ROOT));
        }
        for (app.carrel.protocol.CheckInResult r : app.carrel.protocol.CheckInResult.values()) {
            asked.add("checkIn." + r.name().toLowerCase(Locale.ROOT));
            asked.add("checkIn.shared." + r.name().toLowerCase(Locale.ROOT));
        }
        asked.addAll(List.of("study.failed.goal", "study.failed.presence", "study.failed.checkIn"));
        assertEquals(new TreeSet<>(), minus(asked, english), "asked for in src/main/java, missing in the bundles");
    }

    @Test
    void everyPatternFormatsAndDoublesItsApostrophes() {
        for (String file : List.of("texts.properties", "texts_ko.properties")) {
            Properties texts = load(file);
            List<String> wrong = new ArrayList<>();
            for (String key : texts.stringPropertyNames()) {
                String value = texts.getProperty(key);
                String unquoted = value.replace("''", "");
                if (LONE_APOSTROPHE.matcher(unquoted).find()) {
                    wrong.add(key + " has a lone apostrophe: " + value);
                }
                try {
                    new MessageFormat(value, Locale.ROOT).format(new Object[] {1, 2, 3, 4});
                } catch (IllegalArgumentException e) {
                    wrong.add(key + ": " + e.getMessage());
                }
            }
            assertEquals(List.of(), wrong, file);
        }
    }

    @Test
    void koreanIsChosenAndNumbersAndTimesFollowIt() {
        Texts.use(Language.KOREAN);
        assertEquals("입장", Texts.get("lobby.join"));
        assertEquals("방이 가득 찼습니다", Texts.error(ErrorCode.ROOM_FULL));
        assertTrue(Texts.time(Instant.parse("2026-01-01T15:07:00Z")).matches(".*(오전|오후).*"),
                Texts.time(Instant.parse("2026-01-01T15:07:00Z")));
        Texts.use(Language.ENGLISH);
        assertEquals("Join", Texts.get("lobby.join"));
    }

    @Test
    void englishChosenOnAKoreanSystemIsEnglish() {
        Locale.setDefault(Locale.KOREA);
        Texts.use(Language.ENGLISH);
        assertEquals("Join", Texts.get("lobby.join"), "fell back to the default locale's bundle");
    }

    @Test
    void limitsAreWrittenWithoutGrouping() {
        assertFalse(Texts.get("lobby.invalidName", 2000).contains("2,000"));
    }

    private static Set<String> askedFor() {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                // A call may span lines, and a ternary may choose between two keys: every
                // key-shaped literal from a Texts.get( to the end of its statement counts.
                String source = Files.readString(file);
                Matcher call = ASKED.matcher(source);
                while (call.find()) {
                    int end = source.indexOf(';', call.end());
                    Matcher key = KEY.matcher(source.substring(call.end(), end < 0 ? source.length() : end));
                    while (key.find()) {
                        keys.add(key.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream(name)) {
            assertTrue(in != null, name + " is not on the class path");
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }
}

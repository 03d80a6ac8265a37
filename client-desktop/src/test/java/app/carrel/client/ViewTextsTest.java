package app.carrel.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No words a person reads are written in the sources: every label, button, tooltip, title, prompt
 * and notice comes from the bundles through {@code Texts.get("key")} (i18n/texts*.properties).
 * Read from the sources, like PackageArrowsTest: each place that puts text on the screen is
 * followed to the end of its statement, and a string literal there with a letter in it fails,
 * unless it is a key ("lobby.join": no spaces, dotted).
 */
class ViewTextsTest {
    private static final Path SOURCES = Path.of("src/main/java/app/carrel/client");

    /** Where text reaches a person: JavaFX's labelled controls and dialogs, and our notices. */
    private static final List<String> SINKS = List.of(
            "new Label(", "new Button(", "new CheckBox(", "new RadioButton(", "new ToggleButton(",
            "new MenuButton(", "new MenuItem(", "new Hyperlink(", "new ButtonType(", "new Tooltip(",
            "new Alert(", "new Text(", "setText(", "setPromptText(", "setTitle(", "setHeaderText(",
            "setContentText(", "asString(", "item(", "fixed(", "notice.set(", "notice.accept(",
            "showNotice(", "problem(", "offline(", "onProblem(", "LeaveConfirmation.confirm(",
            "bind(");

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9-]+)+\\.?");
    // Node ids and CSS classes ("timer-focus-25", "room-join") are names for code, not words.
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)+");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");


    @Test
    void noViewOrModelWritesTheWordsItShows() {
        List<String> written = new ArrayList<>();
        for (Path file : sources()) {
            String name = SOURCES.relativize(file).toString().replace('\\', '/');
            written.addAll(literalsShown(name, read(file)));
        }
        assertEquals(List.of(), written, "words written in the sources instead of the bundles");
    }

    @Test
    void theScanSeesALiteralWhereOneIs() {
        assertEquals(1, literalsShown("X.java", "b.setText(on ? Texts.get(\"a.b\") : \"Off\");").size());
        assertEquals(1, literalsShown("X.java", "new Label(\"Chat\", icon);").size());
        assertEquals(0, literalsShown("X.java", "new Label(Texts.get(\"chat.title\"));").size());
        assertEquals(0, literalsShown("X.java", "new Label(\"\", icon); x.setText(\"\");").size());
        assertEquals(0, literalsShown("X.java", "menu.add(item(Texts.get(\"timer.custom\"), \"timer-custom\"));").size());
        assertTrue(sources().size() > 50, "the scan found few sources: is it looking in the right place?");
    }

    private static List<String> literalsShown(String name, String source) {
        String code = withoutComments(source);
        Set<String> found = new LinkedHashSet<>(); // a statement with two sinks is read twice
        for (String sink : SINKS) {
            int at = code.indexOf(sink);
            while (at >= 0) {
                // Only the sink itself: "new Label(" but not "myNew Label(", "setText(" but not "resetText(".
                boolean starts = at == 0 || !Character.isJavaIdentifierPart(code.charAt(at - 1))
                        || sink.startsWith("new ") || code.charAt(at - 1) == '.';
                if (starts) {
                    int end = code.indexOf(';', at);
                    String statement = code.substring(at, end < 0 ? code.length() : end);
                    Matcher literal = LITERAL.matcher(statement);
                    while (literal.find()) {
                        String text = literal.group(1);
                        if (LETTER.matcher(text).find() && !KEY.matcher(text).matches() && !ID.matcher(text).matches()) {
                            found.add(name + ":" + lineOf(code, at) + " " + sink + " \"" + text + "\"");
                        }
                    }
                }
                at = code.indexOf(sink, at + sink.length());
            }
        }
        return List.copyOf(found);
    }

    /** Comments blanked (lines kept), so a Javadoc quoting a label is no finding. */
    private static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        Matcher m = Pattern.compile("//[^\\n]*|/\\*(?s:.*?)\\*/|\"(?:[^\"\\\\\\n]|\\\\.)*\"").matcher(source);
        int last = 0;
        while (m.find()) {
            out.append(source, last, m.start());
            String token = m.group();
            out.append(token.startsWith("\"") ? token : token.replaceAll("[^\\n]", " "));
            last = m.end();
        }
        return out.append(source.substring(last)).toString();
    }

    private static int lineOf(String code, int at) {
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package app.carrel.client.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every dialog the app opens has Enter and Escape deferred (a dialog closed inside the GTK key
 * event crashed the JVM). A new dialog that forgets it fails here, long before a person
 * presses Enter in it; RealWindowKeysTest shows the mechanism in a real window.
 */
class KeyClosedDialogsTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void everyDialogInTheAppInstallsTheDeferredKeys() throws IOException {
        List<Path> dialogs;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            dialogs = files.filter(p -> p.toString().endsWith(".java")).filter(KeyClosedDialogsTest::opensADialog).toList();
        }
        assertFalse(dialogs.isEmpty(), "the scan found no dialogs at all: is it looking in the right place?");
        List<Path> forgot = dialogs.stream().filter(p -> !read(p).contains("KeyClosedDialogs.install(")).toList();
        assertEquals(List.of(), forgot, "dialogs without KeyClosedDialogs.install");
    }

    private static boolean opensADialog(Path file) {
        String source = read(file);
        return source.contains("extends Dialog<") || source.contains("new Alert(") || source.contains("new TextInputDialog(")
                || source.contains("new ChoiceDialog<");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

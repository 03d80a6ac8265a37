package app.carrel.client.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.i18n.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Settings outlive the window: a fresh model over the same folder sees what was saved. */
class SettingsModelTest {

    @Test
    void settingsAndTheNamePerServerSurviveARestart() throws Exception {
        // java.io.tmpdir points into target/ (surefire) and may not exist yet.
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"))), "settings");
        SettingsModel first = SettingsModel.load(new SettingsStore(dir));
        first.setServer("ws://example.org:7000/signal");
        first.rememberName("ws://example.org:7000/signal", "Ada");
        first.rememberName("ws://other:7000/signal", "Ada L.");
        first.setTheme(SettingsModel.DARK);
        first.setCamera("Synthetic camera");
        first.setMuteDuringFocus(true);
        assertFalse(first.timerFollowsProperty().get(), "the small timer is off until chosen");
        assertTrue(first.phaseNotificationsProperty().get(), "notifications are on until turned off");
        first.setTimerFollows(true);
        first.setPhaseNotifications(false);
        assertEquals(Language.SYSTEM, first.language(), "the system's language until one is chosen");
        first.setLanguage(Language.KOREAN);

        SettingsModel second = SettingsModel.load(new SettingsStore(dir));
        assertEquals("ws://example.org:7000/signal", second.serverProperty().get());
        assertEquals("Ada", second.nameFor("ws://example.org:7000/signal"));
        assertEquals("Ada L.", second.nameFor("ws://other:7000/signal"));
        assertEquals(SettingsModel.DARK, second.themeProperty().get());
        assertEquals("Synthetic camera", second.cameraProperty().get());
        assertTrue(second.muteDuringFocusProperty().get());
        assertTrue(second.timerFollowsProperty().get());
        assertFalse(second.phaseNotificationsProperty().get());
        assertEquals(Language.KOREAN, second.language());
        assertEquals("", second.saveProblemProperty().get());
        Files.delete(dir.resolve("settings.properties"));
        Files.delete(dir);
    }
}

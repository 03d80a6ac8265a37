package app.carrel.client.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small properties file in the user's config folder ({@code $XDG_CONFIG_HOME/carrel}, else
 * {@code ~/.config/carrel}); the system property {@code carrel.config.dir} moves it (tests use a
 * temp folder). Written to a temp file and moved, so a crash never leaves half a file.
 */
public final class SettingsStore {

    private static final Logger log = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;

    public SettingsStore(Path dir) {
        this.file = dir.resolve("settings.properties");
    }

    public static SettingsStore forUser() {
        String override = System.getProperty("carrel.config.dir");
        if (override != null && !override.isBlank()) {
            return new SettingsStore(Path.of(override));
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new SettingsStore(base.resolve("carrel"));
    }

    public Path file() {
        return file;
    }

    public Properties load() {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                log.warn("Cannot read settings from {}; starting with defaults: {}", file, e.toString());
            }
        }
        return properties;
    }

    /** Returns false (and logs) when the file cannot be written; the caller tells the person. */
    public boolean save(Properties properties) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "settings", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                properties.store(out, "Carrel desktop settings");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            log.warn("Cannot save settings to {}: {}", file, e.toString());
            return false;
        }
    }
}

package app.carrel.client.media;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Housekeeping for webrtc-java's native library. Its loader (0.14.0 NativeLoader) copies the 23 MB
 * library into {@code java.io.tmpdir} as {@code libwebrtc-java-linux-x86_64<random>.so} on every
 * load and deletes the copy only after a successful load; an UnsatisfiedLinkError (an Error, which
 * its {@code catch (Exception)} misses) or a JVM killed mid-load leaves the copy behind.
 */
public final class NativeLibrary {

    /** The prefix {@code Files.createTempFile} is given by the loader on Linux x86-64. */
    public static final String COPY_PREFIX = "libwebrtc-java-";
    public static final String COPY_SUFFIX = ".so";

    /** A copy younger than this may belong to another JVM that is loading right now. */
    private static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(NativeLibrary.class);

    private NativeLibrary() {
    }

    /**
     * Makes sure the temp folder exists (tests point it into target/) and removes stale copies
     * left by earlier crashed runs. Call before the first webrtc-java class is touched.
     */
    public static void prepare() {
        Path tmp = tempDir();
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            log.warn("Cannot create temp folder {}: {}", tmp, e.toString());
            return;
        }
        Instant cutoff = Instant.now().minus(STALE_AFTER);
        for (Path copy : copiesIn(tmp)) {
            try {
                FileTime modified = Files.getLastModifiedTime(copy);
                if (modified.toInstant().isBefore(cutoff) && Files.deleteIfExists(copy)) {
                    log.info("Removed stale native library copy {}", copy);
                }
            } catch (IOException e) {
                log.warn("Cannot remove stale native library copy {}: {}", copy, e.toString());
            }
        }
    }

    public static Path tempDir() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Copies of the native library lying in {@code dir}, whatever their age. */
    public static List<Path> copiesIn(Path dir) {
        List<Path> copies = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return copies;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, COPY_PREFIX + "*" + COPY_SUFFIX)) {
            stream.forEach(copies::add);
        } catch (IOException e) {
            log.warn("Cannot list {}: {}", dir, e.toString());
        }
        return copies;
    }
}

package app.carrel.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The arrows between the client's packages run one way (STYLE.md), read from the sources' imports
 * and fully qualified names, as the server's PackageArrowsTest does. Shell and App sit at the top
 * (the root package), features in the middle, call/ and the leaves below. A new arrow is a
 * decision: add it to {@link #ALLOWED} only if it keeps the graph acyclic, which the second test
 * checks. Native and socket libraries stay where they are adapted.
 */
class PackageArrowsTest {
    private static final Path SOURCES = Path.of("src/main/java/app/carrel/client");
    private static final Pattern REFERENCE =
            Pattern.compile("\\bapp\\.carrel\\.client\\.(?:([a-z][a-z0-9]*)\\.)?(?:[A-Z*])");
    private static final String ROOT = "(root)";

    /** Each package and the packages it may use; top to bottom. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry(ROOT, Set.of("room", "prejoin", "lobby", "bot", "timer", "chat", "settings", "status",
                    "fx", "call", "video", "media", "signaling", "window", "text", "i18n",
                    "history", "minitimer", "notify")),
            // Outside the room (issue 14): each follows the room's timer, none knows the room.
            Map.entry("history", Set.of("timer", "i18n")),
            Map.entry("minitimer", Set.of("timer", "i18n")),
            Map.entry("notify", Set.of("timer", "i18n")),
            Map.entry("room", Set.of("prejoin", "chat", "timer", "status", "fx", "call", "video", "media",
                    "signaling", "window", "text", "i18n", "owners")),
            Map.entry("prejoin", Set.of("lobby", "settings", "fx", "video", "media", "window", "i18n")),
            Map.entry("lobby", Set.of("settings", "status", "signaling", "window", "i18n", "owners")),
            Map.entry("owners", Set.of("window", "i18n")),
            Map.entry("bot", Set.of("call", "media", "signaling")),
            Map.entry("timer", Set.of("fx", "window", "signaling", "i18n")),
            Map.entry("chat", Set.of("signaling", "i18n")),
            Map.entry("settings", Set.of("window", "i18n")),
            Map.entry("status", Set.of("call", "i18n")),
            Map.entry("fx", Set.of("call")),
            Map.entry("call", Set.of("video", "media", "signaling", "i18n")),
            Map.entry("video", Set.of("media")),
            Map.entry("media", Set.of("text", "i18n")),
            Map.entry("signaling", Set.of()),
            Map.entry("window", Set.of("i18n")),
            Map.entry("text", Set.of()),
            Map.entry("i18n", Set.of()));

    /** Libraries and the only packages that may name them. */
    private static final Map<String, Set<String>> LIBRARIES = Map.of(
            "dev.onvoid.webrtc", Set.of("call", "media", "video", "bot"),
            "org.java_websocket", Set.of("signaling"),
            "org.freedesktop.dbus", Set.of("notify"),
            "java.sql", Set.of("history"));

    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() {
        Map<String, Set<String>> uses = uses();
        List<String> wrong = new ArrayList<>();
        uses.forEach((from, targets) -> {
            Set<String> allowed = ALLOWED.get(from);
            if (allowed == null) {
                wrong.add(from + " is a new package: give it its place in ALLOWED");
                return;
            }
            for (String to : targets) {
                if (!allowed.contains(to)) {
                    wrong.add(from + " -> " + to);
                }
            }
        });
        assertEquals(List.of(), wrong, () -> "Arrows against the direction (uses: " + uses + ")");
    }

    @Test
    void theAllowedArrowsFormNoCycle() {
        for (String start : ALLOWED.keySet()) {
            assertTrue(!reaches(start, start, new TreeSet<>()), start + " can reach itself through ALLOWED");
        }
    }

    @Test
    void onlyTheAdaptingPackagesNameNativeAndSocketLibraries() {
        List<String> wrong = new ArrayList<>();
        for (Path file : javaFiles()) {
            String code = read(file);
            LIBRARIES.forEach((library, owners) -> {
                if (code.contains(library) && !owners.contains(packageOf(file))) {
                    wrong.add(SOURCES.relativize(file) + " names " + library);
                }
            });
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theScannerSeesTheArrowsThatExist() {
        Map<String, Set<String>> uses = uses();
        assertTrue(uses.get("room").contains("call") && uses.get(ROOT).contains("room"),
                () -> "a scanner that sees no arrows would pass anything: " + uses);
    }

    private static boolean reaches(String from, String target, Set<String> seen) {
        for (String next : ALLOWED.getOrDefault(from, Set.of())) {
            if (next.equals(target) || (seen.add(next) && reaches(next, target, seen))) {
                return true;
            }
        }
        return false;
    }

    /** Package → the other client packages its sources name. */
    private static Map<String, Set<String>> uses() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path file : javaFiles()) {
            String from = packageOf(file);
            Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
            Matcher m = REFERENCE.matcher(read(file));
            while (m.find()) {
                String to = m.group(1) == null ? ROOT : m.group(1);
                if (!to.equals(from)) {
                    targets.add(to);
                }
            }
        }
        return uses;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles() {
        assertTrue(Files.isDirectory(SOURCES), () -> "run from the module directory: " + SOURCES.toAbsolutePath());
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String packageOf(Path file) {
        Path dir = SOURCES.relativize(file).getParent();
        return dir == null ? ROOT : dir.toString().replace('/', '.');
    }
}

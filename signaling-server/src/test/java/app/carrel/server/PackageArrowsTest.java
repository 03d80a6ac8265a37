package app.carrel.server;

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
 * The arrows between the server's packages run one way (STYLE.md: a feature uses rooms/, never the
 * other way), read from the sources' imports and fully qualified names. A new arrow is a decision:
 * add it to {@link #ALLOWED} only if it keeps the graph acyclic, which the second test checks.
 */
class PackageArrowsTest {
    private static final Path SOURCES = Path.of("src/main/java/app/carrel/server");
    private static final Pattern REFERENCE =
            Pattern.compile("\\bapp\\.carrel\\.server\\.(?:([a-z][a-z0-9]*)\\.)?(?:[A-Z*])");
    private static final String ROOT = "(root)";

    /** Each package and the packages it may use; top to bottom. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry(ROOT, Set.of("admin", "gateway", "socket", "seating", "lobby", "chat", "timer", "relay",
                    "hall", "janus", "rooms", "security", "storage", "access", "owners", "study")),
            Map.entry("socket", Set.of("gateway", "rooms")),
            Map.entry("gateway", Set.of("seating", "lobby", "chat", "timer", "relay", "hall", "rooms", "admin", "access",
                    "owners", "study")),
            Map.entry("owners", Set.of("seating", "lobby", "chat", "timer", "rooms", "security", "storage", "admin")),
            Map.entry("seating", Set.of("lobby", "chat", "timer", "hall", "rooms", "security", "storage", "study")),
            Map.entry("hall", Set.of("janus", "rooms")),
            Map.entry("janus", Set.of()),
            Map.entry("lobby", Set.of("rooms", "security", "storage", "access")),
            Map.entry("access", Set.of("rooms")),
            Map.entry("chat", Set.of("rooms", "storage")),
            Map.entry("timer", Set.of("lobby", "rooms", "storage")),
            Map.entry("study", Set.of("rooms", "storage")),
            Map.entry("relay", Set.of("rooms", "admin")),
            Map.entry("rooms", Set.of("admin")),
            Map.entry("admin", Set.of()),
            Map.entry("security", Set.of()),
            Map.entry("storage", Set.of()));

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
    void onlySocketKnowsJavaWebSocket() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path file : javaFiles()) {
            if (Files.readString(file).contains("org.java_websocket") && !packageOf(file).equals("socket")) {
                wrong.add(SOURCES.relativize(file).toString());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void onlySecurityKnowsBouncyCastle() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Path file : javaFiles()) {
            if (Files.readString(file).contains("org.bouncycastle") && !packageOf(file).equals("security")) {
                wrong.add(SOURCES.relativize(file).toString());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theScannerSeesTheArrowsThatExist() {
        Map<String, Set<String>> uses = uses();
        assertTrue(uses.get("socket").contains("gateway") && uses.get(ROOT).contains("socket"),
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

    /** Package → the other server packages its sources name. */
    private static Map<String, Set<String>> uses() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path file : javaFiles()) {
            String from = packageOf(file);
            Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
            String code;
            try {
                code = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher m = REFERENCE.matcher(code);
            while (m.find()) {
                String to = m.group(1) == null ? ROOT : m.group(1);
                if (!to.equals(from)) {
                    targets.add(to);
                }
            }
        }
        return uses;
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

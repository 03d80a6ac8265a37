package app.carrel.client.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.carrel.client.NoLeaksExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How the app finds a way to notify: no session bus (CI, a bare X server) is quiet; a bus without
 * the service is quiet; a real bus (a private dbus-daemon) with a tiny notification server of our
 * own gets the notification, title and body as sent.
 */
@ExtendWith(NoLeaksExtension.class)
class NotifiersTest {

    private static final Path DBUS_DAEMON = Path.of("/usr/bin/dbus-daemon");

    @Test
    void withoutASessionBusThereIsNoNotifierAndShowingIsHarmless() {
        DesktopNotifier none = Notifiers.pick(null);
        assertEquals("none", none.kind(), "the tests' JVM is headless: no tray either");
        none.show("Focus done — time for a break", "The focus session in Algorithms is over.");
        none.close();
    }

    @Test
    void aBusAddressNobodyListensOnIsNoNotifierEither() {
        assertEquals("none", Notifiers.pick("unix:path=/nonexistent/carrel-test-bus").kind());
    }

    @Test
    void aBusWithoutTheServiceIsNoNotifier() throws Exception {
        assumeTrue(Files.isExecutable(DBUS_DAEMON), "dbus-daemon is not installed");
        try (PrivateBus bus = PrivateBus.start()) {
            assertEquals("none", Notifiers.pick(bus.address).kind());
        }
    }

    @Test
    void theFreedesktopServiceGetsTheTitleAndBody() throws Exception {
        assumeTrue(Files.isExecutable(DBUS_DAEMON), "dbus-daemon is not installed");
        try (PrivateBus bus = PrivateBus.start();
             DBusConnection serverSide = DBusConnectionBuilder.forAddress(bus.address).withShared(false).build()) {
            RecordingServer server = new RecordingServer();
            serverSide.requestBusName(Notifications.BUS_NAME);
            serverSide.exportObject(Notifications.OBJECT_PATH, server);
            try (DesktopNotifier notifier = Notifiers.pick(bus.address)) {
                assertEquals("freedesktop", notifier.kind());
                notifier.show("Focus done — time for a break", "The focus session in 조용한 방 is over.");
                notifier.show("Break over — back to focus", "The break in 조용한 방 is over.");
                List<Object> first = server.calls.poll(10, TimeUnit.SECONDS);
                assertNotNull(first, "timed out waiting for the notification on the bus");
                assertEquals(List.of("Carrel", 0L, "Focus done — time for a break", "The focus session in 조용한 방 is over."), first);
                List<Object> second = server.calls.poll(10, TimeUnit.SECONDS);
                assertNotNull(second, "timed out waiting for the second notification");
                assertEquals(1L, second.get(1), "the second replaces the first (the id the server gave)");
            }
        }
    }

    /** The notification server: records each call's app name, replaced id, summary and body. */
    static final class RecordingServer implements Notifications {
        final BlockingQueue<List<Object>> calls = new LinkedBlockingQueue<>();
        private long next = 1;

        @Override
        public UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
                             List<String> actions, Map<String, Variant<?>> hints, int expireTimeout) {
            calls.add(List.of(appName, replacesId.longValue(), summary, body));
            return new UInt32(next++);
        }

        @Override
        public String getObjectPath() {
            return OBJECT_PATH;
        }
    }

    /**
     * A session bus of the test's own: dbus-daemon, its address read from its first line. Its
     * configuration lists no service folders: with the system's, a notification daemon that is
     * merely installed (dunst) would be started on demand, and "no service" could not be tested.
     */
    static final class PrivateBus implements AutoCloseable {
        private static final String CONFIG = "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\""
                + " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">"
                + "<busconfig><type>session</type><listen>unix:tmpdir=%s</listen><auth>EXTERNAL</auth>"
                + "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                + "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>";
        final Process process;
        final String address;
        private final Path dir;

        private PrivateBus(Process process, String address, Path dir) {
            this.process = process;
            this.address = address;
            this.dir = dir;
        }

        static PrivateBus start() throws Exception {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"))), "bus");
            Path config = Files.writeString(dir.resolve("session.conf"), String.format(CONFIG, dir));
            Process p = new ProcessBuilder(DBUS_DAEMON.toString(), "--config-file=" + config, "--nofork", "--print-address")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String address = out.readLine(); // the daemon prints it once it listens
            if (address == null || address.isBlank()) {
                p.destroy();
                throw new IllegalStateException("dbus-daemon printed no address");
            }
            return new PrivateBus(p, address.strip(), dir);
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}

package app.carrel.client.notify;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications through the freedesktop service on the session bus (GNOME, KDE, XFCE, dunst, …),
 * with dbus-java over Java's own Unix domain sockets. Each notification replaces our previous
 * one: a room's phase ends do not pile up in the notification list.
 */
final class DbusNotifier implements DesktopNotifier {

    private static final Logger log = LoggerFactory.getLogger(DbusNotifier.class);
    private static final String APP_NAME = "Carrel";
    /** The server's default duration. */
    private static final int DEFAULT_EXPIRY = -1;

    private final DBusConnection bus;
    private final Notifications service;
    private UInt32 lastId = new UInt32(0);

    private DbusNotifier(DBusConnection bus, Notifications service) {
        this.bus = bus;
        this.service = service;
    }

    /**
     * The service on the bus at {@code address} (null: this session's bus, from
     * DBUS_SESSION_BUS_ADDRESS), or an exception saying why not: no bus, or nobody serving (or
     * able to be started for) org.freedesktop.Notifications on it.
     */
    static DbusNotifier connect(String address) throws DBusException {
        if (address == null && System.getenv("DBUS_SESSION_BUS_ADDRESS") == null) {
            // dbus-java would go looking for a bus in ~/.dbus and X11 properties; a desktop
            // session always sets the variable.
            throw new DBusException("no session bus (DBUS_SESSION_BUS_ADDRESS is not set)");
        }
        DBusConnection bus = (address == null ? DBusConnectionBuilder.forSessionBus() : DBusConnectionBuilder.forAddress(address))
                .withShared(false).build();
        try {
            DBus daemon = bus.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            if (!daemon.NameHasOwner(Notifications.BUS_NAME)
                    && !Arrays.asList(daemon.ListActivatableNames()).contains(Notifications.BUS_NAME)) {
                throw new DBusException("no notification service on the session bus");
            }
            return new DbusNotifier(bus, bus.getRemoteObject(Notifications.BUS_NAME, Notifications.OBJECT_PATH, Notifications.class));
        } catch (DBusException | RuntimeException e) {
            close(bus);
            throw e instanceof DBusException d ? d : new DBusException(e.getMessage(), e);
        }
    }

    @Override
    public synchronized void show(String title, String body) {
        try {
            lastId = service.Notify(APP_NAME, lastId, "appointment-soon", title, body, List.of(),
                    Map.of("category", new Variant<>("im.received"), "desktop-entry", new Variant<>("carrel")), DEFAULT_EXPIRY);
        } catch (RuntimeException e) {
            // The service went away (the desktop restarted it); the chime and banner still tell.
            log.info("The desktop did not take a notification: {}", e.toString());
        }
    }

    @Override
    public String kind() {
        return "freedesktop";
    }

    @Override
    public void close() {
        close(bus);
    }

    private static void close(DBusConnection bus) {
        try {
            bus.close();
        } catch (IOException e) {
            log.debug("Closing the session bus connection: {}", e.toString());
        }
    }
}

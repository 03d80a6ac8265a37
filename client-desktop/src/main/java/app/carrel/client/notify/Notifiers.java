package app.carrel.client.notify;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks how this desktop shows notifications: the freedesktop service on the session bus, else
 * AWT's tray, else none. Never throws; says once in the log what it found.
 */
public final class Notifiers {

    private static final Logger log = LoggerFactory.getLogger(Notifiers.class);

    private Notifiers() {
    }

    /** This session's: the bus named by DBUS_SESSION_BUS_ADDRESS. */
    public static DesktopNotifier forDesktop() {
        return pick(System.getenv("DBUS_SESSION_BUS_ADDRESS"));
    }

    /** @param busAddress a D-Bus address ("unix:path=…"), or null where there is no session bus */
    public static DesktopNotifier pick(String busAddress) {
        String why;
        if (busAddress == null || busAddress.isBlank()) {
            why = "no session bus";
        } else {
            try {
                DesktopNotifier found = DbusNotifier.connect(busAddress);
                log.info("Desktop notifications: the freedesktop service on the session bus");
                return found;
            } catch (Exception | LinkageError e) {
                why = e.getMessage();
            }
        }
        Optional<TrayNotifier> tray = TrayNotifier.create();
        if (tray.isPresent()) {
            log.info("Desktop notifications: the system tray ({})", why);
            return tray.get();
        }
        log.info("No desktop notifications ({}, no system tray); the chime and the banner still tell", why);
        return DesktopNotifier.NONE;
    }
}

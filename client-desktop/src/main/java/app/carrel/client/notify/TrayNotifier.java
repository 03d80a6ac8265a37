package app.carrel.client.notify;

import java.awt.AWTException;
import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWT's tray balloon, where a desktop has a system tray but no freedesktop service (Windows,
 * macOS, older Linux panels). The icon is added on first use and stays until the app ends.
 */
final class TrayNotifier implements DesktopNotifier {

    private static final Logger log = LoggerFactory.getLogger(TrayNotifier.class);

    private final SystemTray tray;
    private final TrayIcon icon;

    private TrayNotifier(SystemTray tray, TrayIcon icon) {
        this.tray = tray;
        this.icon = icon;
    }

    /** Empty on a headless JVM or a desktop without a tray (Xvfb, most Wayland sessions). */
    static Optional<TrayNotifier> create() {
        try {
            if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
                return Optional.empty();
            }
            SystemTray tray = SystemTray.getSystemTray();
            TrayIcon icon = new TrayIcon(dot(tray.getTrayIconSize().width), "Carrel");
            icon.setImageAutoSize(true);
            tray.add(icon);
            return Optional.of(new TrayNotifier(tray, icon));
        } catch (AWTException | RuntimeException | LinkageError e) {
            log.debug("No system tray: {}", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void show(String title, String body) {
        try {
            icon.displayMessage(title, body, TrayIcon.MessageType.INFO);
        } catch (RuntimeException e) {
            log.info("The tray did not take a notification: {}", e.toString());
        }
    }

    @Override
    public String kind() {
        return "tray";
    }

    @Override
    public void close() {
        tray.remove(icon);
    }

    /** The app's mark for the tray: a plain accent dot (no image file to ship). */
    private static BufferedImage dot(int size) {
        int s = Math.max(16, size);
        BufferedImage image = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x0969da));
        g.fillOval(1, 1, s - 2, s - 2);
        g.dispose();
        return image;
    }
}

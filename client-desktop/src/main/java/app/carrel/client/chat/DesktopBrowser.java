package app.carrel.client.chat;

import app.carrel.client.Background;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a chat link with the desktop's own handler ({@code xdg-open}, what GTK desktops use),
 * for as long as the window has no {@code HostServices} to pass instead. The address is one
 * argument, never a shell line.
 */
public final class DesktopBrowser {

    private static final Logger log = LoggerFactory.getLogger(DesktopBrowser.class);

    private DesktopBrowser() {
    }

    public static void open(String url) {
        Background.run(() -> {
            try {
                Process p = new ProcessBuilder("xdg-open", url)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                int code = p.waitFor();
                if (code != 0) {
                    log.warn("xdg-open could not open a chat link (exit {})", code);
                }
            } catch (IOException e) {
                log.warn("No way to open a chat link here: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}

package app.carrel.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Name and version, as {@code welcome.server} and {@code --version} show them. */
final class ServerInfo {
    static final String NAME = "carrel-server";
    static final String VERSION = readVersion();

    private ServerInfo() {
    }

    static String nameAndVersion() {
        return NAME + "/" + VERSION;
    }

    /** The build filters the Maven project version into this resource. */
    private static String readVersion() {
        try (InputStream in = ServerInfo.class.getResourceAsStream("/carrel-server.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

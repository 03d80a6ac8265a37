package app.carrel.client.lobby;

import app.carrel.client.i18n.Texts;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * What a person types as a server, made into a WebSocket address: {@code host}, {@code host:port}
 * or a full {@code ws://} / {@code wss://} URL. The default port is 7000, the path {@code /signal}.
 */
public final class ServerAddress {

    private ServerAddress() {
    }

    /** The URI, or an IllegalArgumentException whose message a person can read. */
    public static URI parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(Texts.get("server.empty"));
        }
        if (!text.contains("://")) {
            text = "ws://" + text;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (!"ws".equals(scheme) && !"wss".equals(scheme)) {
                throw new IllegalArgumentException(Texts.get("server.scheme"));
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException(Texts.get("server.noHost", typed));
            }
            int port = uri.getPort() == -1 ? 7000 : uri.getPort();
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/signal" : uri.getPath();
            return new URI(scheme, null, uri.getHost(), port, path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(Texts.get("server.invalid", typed));
        }
    }
}

package app.carrel.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The admin HTTP port of a fixture's server (started with {@link ServerFixture#admin()}). */
public final class AdminEndpoint {

    public record Response(int status, String body) {
    }

    private final ServerFixture server;

    public AdminEndpoint(ServerFixture server) {
        this.server = server;
    }

    public Response get(String path) {
        try {
            URL url = new URL("http://127.0.0.1:" + server.server().adminPort() + path);
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            connection.setRequestProperty("Connection", "close");
            connection.setConnectTimeout(5000);
            connection.setReadTimeout(5000);
            try {
                int status = connection.getResponseCode();
                try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                    return new Response(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of one sample, e.g. {@code carrel_relayed_messages_total{type="offer"}}; -1 when absent. */
    public static double sample(String metrics, String name, String labels) {
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(name) + (labels == null ? "" : "\\{[^}]*"
                + Pattern.quote(labels) + "[^}]*\\}") + " ([0-9.eE+-]+)");
        Matcher matcher = line.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }

    public double sample(String name) {
        return sample(get("/metrics").body(), name, null);
    }

    /** Polls /metrics (it pushes nothing) until the sample has the expected value. */
    public double awaitSample(String name, String labels, double expected) {
        String metrics = Eventually.await(name + labels + " = " + expected, Duration.ofSeconds(5),
                () -> get("/metrics").body(), body -> sample(body, name, labels) == expected);
        return sample(metrics, name, labels);
    }
}

package app.carrel.server.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The admin HTTP port: {@code GET /healthz}, {@code GET /metrics} (Prometheus text format) and the
 * rooms API ({@link RoomsEndpoint}, behind the admin token).
 */
public final class AdminServer implements AutoCloseable {
    private final HttpServer http;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "carrel-admin");
        t.setDaemon(true);
        return t;
    });

    private AdminServer(HttpServer http) {
        this.http = http;
    }

    public static AdminServer start(String bind, int port, ServerMetrics metrics) throws IOException {
        return start(bind, port, metrics, null, null);
    }

    /**
     * With {@code rooms}, also the rooms API ({@link RoomsEndpoint}), open to holders of
     * {@code token} (null: the API answers 403).
     */
    public static AdminServer start(String bind, int port, ServerMetrics metrics, AdminRooms rooms, String token)
            throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(bind, port), 16);
        AdminServer admin = new AdminServer(http);
        http.createContext("/healthz", AdminServer::healthz);
        http.createContext("/metrics", new MetricsHandler(metrics.registry()));
        if (rooms != null) {
            http.createContext(RoomsEndpoint.PATH, new RoomsEndpoint(rooms, token));
        }
        http.setExecutor(admin.executor);
        http.start();
        return admin;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private static void healthz(HttpExchange exchange) throws IOException {
        byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, ok.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(ok);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }
}

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

/** The admin HTTP port: {@code GET /healthz} and {@code GET /metrics} (Prometheus text format). */
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
        HttpServer http = HttpServer.create(new InetSocketAddress(bind, port), 16);
        AdminServer admin = new AdminServer(http);
        http.createContext("/healthz", AdminServer::healthz);
        http.createContext("/metrics", new MetricsHandler(metrics.registry()));
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

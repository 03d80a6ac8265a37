package app.carrel.server.admin;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API for rooms, behind {@code Authorization: Bearer <token>} (the token from
 * --admin-token-file; without one the API is off):
 * <ul>
 *   <li>{@code GET /rooms} → 200 {@code {"rooms":[AdminRoom…]}}</li>
 *   <li>{@code PATCH /rooms/<id>} with {@code {"name"?, "capacity"?, "keep"?}} → 200 {@code AdminRoom}</li>
 *   <li>{@code DELETE /rooms/<id>} → 200 {@code {"deleted":"<id>"}}</li>
 * </ul>
 * Errors are {@code {"code":…, "message":…}}: 401 unauthorized, 403 admin-api-off, 404
 * room-not-found, 400 bad-request / invalid-room-name / invalid-capacity, 405 method-not-allowed.
 */
final class RoomsEndpoint implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RoomsEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PATH = "/rooms";

    private final AdminRooms rooms;
    private final byte[] token;

    RoomsEndpoint(AdminRooms rooms, String token) {
        this.rooms = rooms;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (token == null) {
                reply(exchange, 403, error("admin-api-off", "The admin API is off: start the server with"
                        + " --admin-token-file"));
                return;
            }
            if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                reply(exchange, 401, error("unauthorized", "Send 'Authorization: Bearer <admin token>'"));
                return;
            }
            route(exchange);
        } catch (RuntimeException e) {
            LOG.error("Admin request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String rest = exchange.getRequestURI().getPath().substring(PATH.length());
        if (rest.isEmpty() || rest.equals("/")) {
            if (!method.equals("GET")) {
                reply(exchange, 405, error("method-not-allowed", "GET /rooms"));
                return;
            }
            answer(exchange, rooms.list().thenApply(list -> {
                ObjectNode body = JSON.createObjectNode();
                body.set("rooms", JSON.valueToTree(list));
                return body;
            }));
            return;
        }
        String id = rest.substring(1);
        if (id.contains("/")) {
            reply(exchange, 404, error("not-found", "No such path"));
            return;
        }
        switch (method) {
            case "DELETE" -> answer(exchange, rooms.delete(id).thenApply(done -> JSON.createObjectNode().put("deleted", id)));
            case "PATCH" -> patch(exchange, id);
            default -> reply(exchange, 405, error("method-not-allowed", "PATCH or DELETE /rooms/<id>"));
        }
    }

    private void patch(HttpExchange exchange, String id) throws IOException {
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readTree(in.readNBytes(65_536));
        } catch (JacksonException e) {
            reply(exchange, 400, error("bad-request", "The body must be a JSON object"));
            return;
        }
        if (body == null || !body.isObject() || !fieldIs(body, "name", JsonNode::isTextual)
                || !fieldIs(body, "capacity", JsonNode::canConvertToInt) || !fieldIs(body, "keep", JsonNode::isBoolean)) {
            reply(exchange, 400, error("bad-request", "Expected {\"name\"?: string, \"capacity\"?: int,"
                    + " \"keep\"?: boolean}"));
            return;
        }
        answer(exchange, rooms.update(id, text(body, "name"),
                body.hasNonNull("capacity") ? body.get("capacity").intValue() : null,
                body.hasNonNull("keep") ? body.get("keep").booleanValue() : null).thenApply(JSON::valueToTree));
    }

    private static boolean fieldIs(JsonNode body, String field, java.util.function.Predicate<JsonNode> type) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || type.test(value);
    }

    private static String text(JsonNode body, String field) {
        return body.hasNonNull(field) ? body.get(field).textValue() : null;
    }

    private static void answer(HttpExchange exchange, CompletableFuture<? extends JsonNode> result) throws IOException {
        try {
            reply(exchange, 200, result.get(10, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AdminRooms.Refused refused) {
                reply(exchange, refused.status(), error(refused.code(), refused.getMessage()));
            } else {
                LOG.error("Admin request failed", e.getCause());
                reply(exchange, 500, error("server-error", "The request failed; see the server log"));
            }
        } catch (TimeoutException e) {
            reply(exchange, 503, error("server-error", "The server did not answer within 10 s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, 503, error("server-error", "Interrupted"));
        }
    }

    /** Constant-time, so the comparison does not tell how much of a guess was right. */
    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode error(String code, String message) {
        return JSON.valueToTree(Map.of("code", code, "message", message));
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

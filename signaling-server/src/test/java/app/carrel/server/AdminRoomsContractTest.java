package app.carrel.server;

import static app.carrel.server.testing.Json.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.server.testing.ContractTest;
import app.carrel.server.testing.Json;
import app.carrel.server.testing.Member;
import app.carrel.server.testing.RecordingClient;
import app.carrel.server.testing.ServerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The admin API's rooms endpoints and {@code carrel-server rooms …}, run in-process against a real
 * server on a loopback port, its token read from a file.
 */
@ContractTest
class AdminRoomsContractTest {
    private static final String TOKEN = "admin-" + UUID.randomUUID();

    @RegisterExtension
    final ServerFixture server = new ServerFixture().admin().adminToken(TOKEN);

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    @Test
    void theApiDemandsTheToken() throws Exception {
        assertEquals(401, http("GET", "/rooms", null, null).statusCode());
        HttpResponse<String> wrong = http("GET", "/rooms", "Bearer not-" + TOKEN, null);
        assertEquals(401, wrong.statusCode());
        assertEquals("unauthorized", Json.parse(wrong.body()).path("code").asText());
        assertEquals(401, http("DELETE", "/rooms/x", null, null).statusCode());
        assertEquals(200, http("GET", "/rooms", "Bearer " + TOKEN, null).statusCode());
    }

    @Test
    void theApiListsRenamesAndDeletes() throws Exception {
        String room = server.createRoom("Api room");
        JsonNode list = Json.parse(http("GET", "/rooms", "Bearer " + TOKEN, null).body());
        JsonNode listed = list.path("rooms").get(0);
        assertEquals(room, listed.path("id").asText());
        assertEquals("Api room", listed.path("name").asText());
        assertFalse(listed.path("owned").asBoolean(true) && listed.path("keep").asBoolean(true));

        HttpResponse<String> renamed = http("PATCH", "/rooms/" + room, "Bearer " + TOKEN, "{\"name\":\"Renamed\"}");
        assertEquals(200, renamed.statusCode(), renamed::body);
        assertEquals("Renamed", Json.parse(renamed.body()).path("name").asText());
        HttpResponse<String> bad = http("PATCH", "/rooms/" + room, "Bearer " + TOKEN, "{\"name\":\"\"}");
        assertEquals(400, bad.statusCode());
        assertEquals("invalid-room-name", Json.parse(bad.body()).path("code").asText());
        assertEquals(400, http("PATCH", "/rooms/" + room, "Bearer " + TOKEN, "{\"name\":5}").statusCode());

        assertEquals(200, http("DELETE", "/rooms/" + room, "Bearer " + TOKEN, null).statusCode());
        HttpResponse<String> gone = http("DELETE", "/rooms/" + room, "Bearer " + TOKEN, null);
        assertEquals(404, gone.statusCode());
        assertEquals("room-not-found", Json.parse(gone.body()).path("code").asText());
    }

    @Test
    void theCliListsAndRenamesAndThePeopleInTheRoomSeeIt() throws IOException {
        String room = server.createRoom("Chemistry");
        Member ann = server.join(room, "Ann", "moderation", true);

        Run list = cli("list");
        assertEquals(0, list.exit(), list::err);
        assertTrue(list.out().contains(room) && list.out().contains("Chemistry") && list.out().contains("1/8"),
                list::out);

        Run rename = cli("rename", room, "Organic chemistry");
        assertEquals(0, rename.exit(), rename::err);
        JsonNode told = ann.expect("room-updated");
        assertEquals("Organic chemistry", told.path("room").path("name").asText());
        assertEquals("admin", told.path("by").asText());
        assertTrue(cli("list").out().contains("Organic chemistry"));
    }

    @Test
    void theCliDeletesARoomWithPeopleInsideAndTellsThem() throws IOException {
        String room = server.createRoom("Closing");
        Member ann = server.join(room, "Ann", "moderation", true);
        Member v1 = server.join(room, "Ben");
        ann.expect("peer-joined");

        Run delete = cli("delete", room);
        assertEquals(0, delete.exit(), delete::err);
        JsonNode told = ann.expect("room-deleted");
        assertEquals("admin", told.path("reason").asText());
        assertError(v1.next(), "room-deleted", null);
        assertEquals("left", v1.next().path("type").asText());

        Run again = cli("delete", room);
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("room-not-found"), again::err);
        RecordingClient lobby = server.connect();
        lobby.sendJson("type", "list-rooms", "id", "l");
        assertFalse(lobby.expect("rooms").toString().contains(room));
    }

    @Test
    void theCliWithAWrongTokenIsRefused() throws IOException {
        Path wrong = dir.resolve("wrong-token");
        Files.writeString(wrong, "nope\n");
        Run run = run("rooms", "--admin-port", String.valueOf(server.server().adminPort()), "--admin-token-file",
                wrong.toString(), "list");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("401"), run::err);
    }

    private Run cli(String... command) throws IOException {
        Path tokenFile = dir.resolve("admin-token");
        Files.writeString(tokenFile, TOKEN + "\n");
        String[] args = new String[command.length + 5];
        args[0] = "rooms";
        args[1] = "--admin-port";
        args[2] = String.valueOf(server.server().adminPort());
        args[3] = "--admin-token-file";
        args[4] = tokenFile.toString();
        System.arraycopy(command, 0, args, 5, command.length);
        return run(args);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private HttpResponse<String> http(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.server().adminPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

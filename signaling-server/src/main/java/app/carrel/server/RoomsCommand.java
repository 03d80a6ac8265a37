package app.carrel.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code carrel-server rooms list | delete ID | rename ID NAME | keep ID true|false}: the admin's
 * room commands, sent to a running server's admin API (GET/PATCH/DELETE /rooms, see
 * RoomsEndpoint) with the token from a file, never from the command line where ps shows it.
 * Exit code 0 when done, 1 when the server refused or could not be reached.
 */
@Command(name = "rooms", mixinStandardHelpOptions = true,
        description = "Manage the rooms of a running server through its admin port.",
        subcommands = {RoomsCommand.ListRooms.class, RoomsCommand.DeleteRoom.class, RoomsCommand.RenameRoom.class,
                RoomsCommand.KeepRoom.class})
final class RoomsCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--admin-host", scope = ScopeType.INHERIT,
            description = "Host of the server's admin port (default: ${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    @Option(names = "--admin-port", scope = ScopeType.INHERIT, required = true,
            description = "The server's --admin-port")
    int port;

    @Option(names = "--admin-token-file", paramLabel = "FILE", scope = ScopeType.INHERIT, required = true,
            description = "File holding the server's admin token (the server's --admin-token-file)")
    Path tokenFile;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** The answer of one admin request; {@code body} is its JSON. */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status == 200;
        }
    }

    Answer request(String method, String path, Map<String, Object> body) {
        String token = Main.secret(tokenFile);
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new CommandLine.ExecutionException(spec.commandLine(), "Cannot reach the admin port "
                    + host + ":" + port + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandLine.ExecutionException(spec.commandLine(), "Interrupted");
        }
    }

    /** Prints the refusal for people and returns the exit code. */
    int refused(Answer answer) {
        spec.commandLine().getErr().println("Refused (" + answer.status() + " " + answer.body().path("code").asText()
                + "): " + answer.body().path("message").asText());
        return 1;
    }

    static String path(String id) {
        return "/rooms/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    @Command(name = "list", description = "List every room: id, people/capacity, flags, name.")
    static final class ListRooms implements Callable<Integer> {
        @CommandLine.ParentCommand
        RoomsCommand rooms;

        @Override
        public Integer call() {
            Answer answer = rooms.request("GET", "/rooms", null);
            if (!answer.ok()) {
                return rooms.refused(answer);
            }
            PrintWriter out = rooms.spec.commandLine().getOut();
            out.printf("%-36s  %7s  %-24s  %s%n", "ID", "PEOPLE", "FLAGS", "NAME");
            for (JsonNode room : answer.body().path("rooms")) {
                out.printf("%-36s  %7s  %-24s  %s%n", room.path("id").asText(),
                        room.path("participants").asInt() + "/" + room.path("capacity").asInt(), flags(room),
                        room.path("name").asText());
            }
            out.flush();
            return 0;
        }

        private static String flags(JsonNode room) {
            StringBuilder flags = new StringBuilder();
            flags.append(room.path("hall").asBoolean() ? "hall" : "mesh");
            if (room.path("locked").asBoolean()) {
                flags.append(",locked");
            }
            if (room.path("keep").asBoolean()) {
                flags.append(",keep");
            }
            if (!room.path("owned").asBoolean()) {
                flags.append(",no-owner");
            }
            if (room.hasNonNull("emptySince")) {
                flags.append(",empty since ").append(Instant.ofEpochMilli(room.get("emptySince").asLong())
                        .toString(), 0, 10);
            }
            return flags.toString();
        }
    }

    @Command(name = "delete", description = "Delete a room; everyone in it is told and returned to the lobby.")
    static final class DeleteRoom implements Callable<Integer> {
        @CommandLine.ParentCommand
        RoomsCommand rooms;

        @Parameters(paramLabel = "ID", description = "The room's id (see list)")
        String id;

        @Override
        public Integer call() {
            Answer answer = rooms.request("DELETE", path(id), null);
            if (!answer.ok()) {
                return rooms.refused(answer);
            }
            rooms.spec.commandLine().getOut().println("Deleted room " + id);
            rooms.spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "rename", description = "Rename a room; the lobby and the people in it see the new name.")
    static final class RenameRoom implements Callable<Integer> {
        @CommandLine.ParentCommand
        RoomsCommand rooms;

        @Parameters(index = "0", paramLabel = "ID", description = "The room's id (see list)")
        String id;

        @Parameters(index = "1", paramLabel = "NAME", description = "The new name (1-60 characters)")
        String name;

        @Override
        public Integer call() {
            Answer answer = rooms.request("PATCH", path(id), Map.of("name", name));
            if (!answer.ok()) {
                return rooms.refused(answer);
            }
            rooms.spec.commandLine().getOut().println("Renamed room " + id + " to '" + answer.body().path("name").asText()
                    + "'");
            rooms.spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "keep", description = "Exempt a room from --room-ttl (true), or not (false).")
    static final class KeepRoom implements Callable<Integer> {
        @CommandLine.ParentCommand
        RoomsCommand rooms;

        @Parameters(index = "0", paramLabel = "ID", description = "The room's id (see list)")
        String id;

        @Parameters(index = "1", paramLabel = "true|false")
        boolean keep;

        @Override
        public Integer call() {
            Answer answer = rooms.request("PATCH", path(id), Map.of("keep", keep));
            if (!answer.ok()) {
                return rooms.refused(answer);
            }
            rooms.spec.commandLine().getOut().println((keep ? "Keeping" : "No longer keeping") + " room " + id);
            rooms.spec.commandLine().getOut().flush();
            return 0;
        }
    }
}

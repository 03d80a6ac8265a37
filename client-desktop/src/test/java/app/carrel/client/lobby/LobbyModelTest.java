package app.carrel.client.lobby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.settings.SettingsModel;
import app.carrel.client.settings.SettingsStore;
import app.carrel.client.status.StatusModel;
import app.carrel.client.signaling.SignalingClient;
import app.carrel.client.signaling.SignalingListener;
import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.Room;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.CarrelServer;
import app.carrel.server.ServerConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lobby's view-model against a real server on a loopback port (its callbacks arrive on the
 * FX thread, headless through Monocle). What it decides: when to ask for a password, what to
 * refuse and say, what a failed connection leaves on offer.
 */
class LobbyModelTest {

    @TempDir
    Path dir;

    private CarrelServer server;
    private final StatusModel status = new StatusModel();
    private final List<JoinRequest> joins = new ArrayList<>();
    private final List<String> prompts = new ArrayList<>();
    private LobbyModel lobby;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void connect() throws Exception {
        server = CarrelServer.start(ServerConfig.builder().bind("127.0.0.1").port(0)
                .database(dir.resolve("carrel.db")).build());
        lobby = onFx(() -> {
            LobbyModel model = new LobbyModel(SettingsModel.load(new SettingsStore(dir.resolve("config"))), status, joins::add);
            model.onPasswordNeeded((room, retry) -> prompts.add(room.name() + (retry ? " again" : "")));
            model.connect(server.uri().toString());
            return model;
        });
        waitFor("the lobby online", () -> lobby.onlineProperty().get());
    }

    @AfterEach
    void close() throws Exception {
        onFx(() -> {
            lobby.close();
            return null;
        });
        server.close();
    }

    @Test
    void aLockedRoomAsksForItsPasswordFirstAndAWrongOneAsksAgain() throws Exception {
        Room locked = new Room("r1", "Locked Lab", 0, 4, true);
        onFx(() -> {
            lobby.join(locked, "Ada", null);
            return null;
        });
        assertEquals(List.of("Locked Lab"), prompts);
        assertTrue(joins.isEmpty(), "nothing joined without a password");
        onFx(() -> {
            lobby.join(locked, "Ada", "secret");
            lobby.showJoinFailure(locked, "Wrong password for 'Locked Lab'.", true);
            return null;
        });
        assertEquals("secret", joins.get(0).password());
        assertEquals(List.of("Locked Lab", "Locked Lab again"), prompts);
        assertEquals("", onFx(() -> lobby.noticeProperty().get()), "the prompt says it, not a notice");
    }

    @Test
    void aNameTheServerWouldRefuseAndAFullRoomAreSaidHereAndNothingIsJoined() throws Exception {
        onFx(() -> {
            lobby.join(new Room("r1", "Open", 0, 4, false), "   ", null);
            return null;
        });
        assertTrue(onFx(() -> lobby.noticeProperty().get()).startsWith("Invalid name"));
        onFx(() -> {
            lobby.join(new Room("r2", "Pair", 2, 2, false), "Ada", null);
            return null;
        });
        assertEquals("Room 'Pair' is full (2/2).", onFx(() -> lobby.noticeProperty().get()));
        assertTrue(joins.isEmpty());
    }

    @Test
    void aHallOfFiftyOnAServerThatHostsEightIsRefusedInWordsThePersonReads() throws Exception {
        onFx(() -> {
            lobby.createRoom("Great Hall", CreateRoomDialog.MAX_CAPACITY, null);
            return null;
        });
        waitFor("the refusal said", () -> !lobby.noticeProperty().get().isEmpty());
        assertEquals("Could not create 'Great Hall': this server cannot host a room for that many people",
                onFx(() -> lobby.noticeProperty().get()));
        assertTrue(onFx(() -> lobby.rooms().isEmpty()));
    }

    @Test
    void aServerThatCannotBeReachedLeavesNoRoomsToJoinAndOffersRetry() throws Exception {
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String nowhere = "ws://127.0.0.1:" + unused.getLocalPort() + "/signal";
            unused.close();
            onFx(() -> {
                lobby.createRoom("Visible", 4, null);
                return null;
            });
            waitFor("the first server's room listed", () -> !lobby.rooms().isEmpty());
            onFx(() -> {
                lobby.connect(nowhere);
                return null;
            });
            waitFor("the failure said", () -> lobby.noticeProperty().get().startsWith("Cannot reach"));
            assertTrue(onFx(() -> lobby.rooms().isEmpty()), "the other server's rooms are gone");
            assertFalse(onFx(() -> lobby.onlineProperty().get()));
            assertTrue(onFx(() -> lobby.canRetryProperty().get()));
            onFx(() -> {
                lobby.join(new Room("r1", "Visible", 0, 4, false), "Ada", null);
                return null;
            });
            assertTrue(joins.isEmpty(), "no join while offline");
        }
    }

    @Test
    void theCreatorKeepsTheOwnerTokenAndRenamesKeepsAndDeletesFromTheLobby() throws Exception {
        // A room someone else made, through a second lobby on the same server, is not ours.
        LobbyModel stranger = onFx(() -> {
            LobbyModel model = new LobbyModel(SettingsModel.load(new SettingsStore(dir.resolve("other-config"))),
                    new StatusModel(), r -> { });
            model.connect(server.uri().toString());
            return model;
        });
        try {
            waitFor("the stranger online", () -> stranger.onlineProperty().get());
            onFx(() -> {
                stranger.createRoom("Theirs", 4, null);
                return null;
            });
            waitFor("their room listed", () -> lobby.rooms().stream().anyMatch(r -> r.name().equals("Theirs")));
            onFx(() -> {
                lobby.createRoom("Ours", 4, null);
                return null;
            });
            waitFor("our room listed", () -> lobby.rooms().stream().anyMatch(r -> r.name().equals("Ours")));
            Room ours = onFx(() -> lobby.rooms().stream().filter(r -> r.name().equals("Ours")).findFirst().orElseThrow());
            Room theirs = onFx(() -> lobby.rooms().stream().filter(r -> r.name().equals("Theirs")).findFirst()
                    .orElseThrow());
            assertTrue(onFx(() -> lobby.ownerActions(theirs) == null), "no owner actions on a room not ours");
            var actions = onFx(() -> lobby.ownerActions(ours));
            assertTrue(actions != null, "the creator owns its room");
            assertTrue(java.nio.file.Files.readString(dir.resolve("config/settings.properties"))
                    .contains("owner." + ours.id()), "the token is kept in the app's config, per server");

            onFx(() -> {
                actions.rename("Ours, renamed");
                actions.keep(true);
                return null;
            });
            waitFor("the new name pushed to the lobby", () -> lobby.rooms().stream()
                    .anyMatch(r -> r.name().equals("Ours, renamed")));
            waitFor("keep confirmed", () -> actions.kept().get());

            onFx(() -> {
                actions.delete();
                return null;
            });
            waitFor("the room gone from the lobby", () -> lobby.rooms().stream().noneMatch(r -> r.id().equals(ours.id())));
            waitFor("its token forgotten", () -> lobby.ownerToken(ours.id()) == null);
            assertEquals("", onFx(() -> lobby.noticeProperty().get()));
        } finally {
            onFx(() -> {
                stranger.close();
                return null;
            });
        }
    }

    @Test
    void theListFollowsTheServersDeltasOneRowAtATime() throws Exception {
        onFx(() -> {
            lobby.createRoom("Algebra", 4, null);
            lobby.createRoom("Biology", 4, null);
            return null;
        });
        waitFor("both rooms listed", () -> lobby.rooms().size() == 2);
        List<String> changes = new ArrayList<>();
        onFx(() -> {
            lobby.rooms().addListener((ListChangeListener<Room>) c -> {
                while (c.next()) {
                    changes.add((c.wasReplaced() ? "replaced " : c.wasAdded() ? "added " : "removed ") + c.getFrom() + "-" + c.getTo());
                }
            });
            return null;
        });
        String biology = onFx(() -> lobby.rooms().get(1).id());
        SignalingClient guest = new SignalingClient(server.uri(), Runnable::run, new SignalingListener() {
            @Override
            public void onMessage(ServerMessage message) {
            }

            @Override
            public void onClosed(int code, String reason, boolean byUs) {
            }
        }, Duration.ofSeconds(5));
        try {
            guest.connect(Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
            guest.request(id -> new ClientMessage.Join(id, biology, "Guest")).get(10, TimeUnit.SECONDS);
            waitFor("Biology at one participant", () -> lobby.rooms().get(1).participants() == 1);
        } finally {
            guest.closeBlocking(Duration.ofSeconds(5));
        }
        // A whole list (setAll) would replace 0-2; a delta replaces Biology's row alone.
        assertEquals(List.of("replaced 1-2"), onFx(() -> List.copyOf(changes)));
    }

    private static <T> T onFx(Callable<T> task) throws Exception {
        return WaitForAsyncUtils.asyncFx(task).get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out waiting for " + what);
        }
    }
}

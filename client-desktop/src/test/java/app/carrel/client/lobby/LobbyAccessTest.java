package app.carrel.client.lobby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.i18n.Texts;
import app.carrel.client.settings.SettingsModel;
import app.carrel.client.settings.SettingsStore;
import app.carrel.client.signaling.SignalingClient;
import app.carrel.client.signaling.SignalingListener;
import app.carrel.client.status.StatusModel;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.Room;
import app.carrel.protocol.ServerMessage;
import app.carrel.server.CarrelServer;
import app.carrel.server.ServerConfig;
import app.carrel.server.access.AccessLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lobby against a private server (a join code) and against the per-address limits: when it
 * asks for the code, what it remembers per server, and that each refusal reads in our own words.
 */
class LobbyAccessTest {
    static final String CODE = "maple river 42";

    @TempDir
    Path dir;

    private CarrelServer server;
    private final StatusModel status = new StatusModel();
    private final List<JoinRequest> joins = new ArrayList<>();
    private final List<String> codePrompts = new ArrayList<>();
    private final List<LobbyModel> lobbies = new ArrayList<>();
    private SignalingClient holder;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        onFx(() -> {
            lobbies.forEach(LobbyModel::close);
            return null;
        });
        if (holder != null) {
            holder.closeBlocking(Duration.ofSeconds(2));
        }
        server.close();
    }

    private void start(ServerConfig.Builder config) {
        server = CarrelServer.start(config.bind("127.0.0.1").port(0).database(dir.resolve("carrel.db")).build());
    }

    private LobbyModel lobby() throws Exception {
        LobbyModel lobby = onFx(() -> {
            LobbyModel model = new LobbyModel(SettingsModel.load(new SettingsStore(dir.resolve("config"))), status,
                    joins::add);
            model.onJoinCodeNeeded((serverAddress, wrong) -> codePrompts.add(wrong ? "wrong" : "asked"));
            model.connect(server.uri().toString());
            return model;
        });
        lobbies.add(lobby);
        return lobby;
    }

    @Test
    void aPrivateServerAsksForItsCodeAgainWhenWrongAndRemembersTheRightOne() throws Exception {
        start(ServerConfig.builder().joinCode(CODE));
        LobbyModel lobby = lobby();
        waitFor("the code asked for", () -> codePrompts.equals(List.of("asked")));
        assertFalse(onFx(() -> lobby.onlineProperty().get()));
        assertEquals(Texts.get("lobby.joinCodeNeeded", server.uri()), onFx(() -> lobby.noticeProperty().get()));

        onFx(() -> {
            lobby.submitJoinCode("maple river 41");
            return null;
        });
        waitFor("asked again, saying it was wrong", () -> codePrompts.equals(List.of("asked", "wrong")));

        onFx(() -> {
            lobby.submitJoinCode(" " + CODE + " ");
            return null;
        });
        waitFor("the lobby online", () -> lobby.onlineProperty().get());
        SettingsModel saved = SettingsModel.load(new SettingsStore(dir.resolve("config")));
        assertEquals(CODE, saved.joinCodeFor(server.uri().toString()), "remembered for this server");
        onFx(() -> {
            lobby.join(new Room("r1", "Open", 0, 4, false), "Ada", null);
            return null;
        });
        assertEquals(CODE, joins.get(0).joinCode(), "the room's own connection gives the code too");

        LobbyModel nextRun = lobby();
        waitFor("the next run online without asking", () -> nextRun.onlineProperty().get());
        assertEquals(List.of("asked", "wrong"), codePrompts);
    }

    @Test
    void aRememberedCodeThatNoLongerWorksIsForgottenAndAskedFor() throws Exception {
        start(ServerConfig.builder().joinCode(CODE));
        SettingsModel settings = SettingsModel.load(new SettingsStore(dir.resolve("config")));
        onFx(() -> {
            settings.rememberJoinCode(server.uri().toString(), "last term's code");
            return null;
        });
        lobby();
        waitFor("asked, saying the code was wrong", () -> codePrompts.equals(List.of("wrong")));
        assertNull(SettingsModel.load(new SettingsStore(dir.resolve("config"))).joinCodeFor(server.uri().toString()));
    }

    @Test
    void tooManyConnectionsFromOurNetworkIsSaidInOurWords() throws Exception {
        start(ServerConfig.builder().limits(new AccessLimits(1, 10, 10, 10)));
        holder = new SignalingClient(server.uri(), Runnable::run, new SignalingListener() {
            @Override
            public void onMessage(ServerMessage message) {
            }

            @Override
            public void onClosed(int code, String reason, boolean byUs) {
            }
        }, Duration.ofSeconds(5));
        holder.connect(Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
        holder.request(id -> new app.carrel.protocol.ClientMessage.ListRooms(id)).get(5, TimeUnit.SECONDS);

        LobbyModel lobby = lobby();
        String refusal = Texts.get("lobby.refused", server.uri(), Texts.error(ErrorCode.TOO_MANY_CONNECTIONS));
        waitFor("the refusal said", () -> refusal.equals(lobby.noticeProperty().get()));
        assertFalse(onFx(() -> lobby.onlineProperty().get()));
        assertTrue(onFx(() -> lobby.canRetryProperty().get()));
    }

    @Test
    void roomsBeyondTheHourlyQuotaAreRefusedInOurWords() throws Exception {
        start(ServerConfig.builder().limits(new AccessLimits(10, 1, 10, 10)));
        LobbyModel lobby = lobby();
        waitFor("the lobby online", () -> lobby.onlineProperty().get());
        onFx(() -> {
            lobby.createRoom("First", 4, null);
            return null;
        });
        waitFor("the first room listed", () -> lobby.rooms().size() == 1);
        onFx(() -> {
            lobby.createRoom("Second", 4, null);
            return null;
        });
        String said = Texts.get("lobby.createFailed", "Second", Texts.error(ErrorCode.TOO_MANY_ROOM_CREATIONS));
        waitFor("the refusal said", () -> said.equals(lobby.noticeProperty().get()));
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

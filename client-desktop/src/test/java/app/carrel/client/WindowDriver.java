package app.carrel.client;

import app.carrel.client.room.VideoTile;
import app.carrel.protocol.Room;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the UI tests ask of the window: nodes by id, the lobby's rooms, tiles by name. Every
 * read runs on the FX thread; every wait polls with a limit and says what it waited for.
 */
final class WindowDriver {

    static final int LIMIT = 20;

    private final FxRobot robot;

    WindowDriver(FxRobot robot) {
        this.robot = robot;
    }

    static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(LIMIT, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out after " + LIMIT + " s waiting for " + what + screenshot(what));
        }
    }

    /**
     * The whole display as it was when a wait failed (a real window only: Monocle has no X
     * display), in target/real-window-failures, named in the message.
     */
    private static String screenshot(String what) {
        String display = System.getenv("DISPLAY");
        if (display == null || !"gtk".equals(System.getProperty("glass.platform", "gtk"))) {
            return "";
        }
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "real-window-failures");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Path png = dir.resolve(what.replaceAll("[^A-Za-z0-9]+", "-") + "-" + System.nanoTime() + ".png");
            Process p = new ProcessBuilder("import", "-window", "root", png.toString()).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? " (screen: " + png.toAbsolutePath() + ")" : "";
        } catch (Exception | Error e) {
            return "";
        }
    }

    static <T> T onFx(Callable<T> query) throws Exception {
        return WaitForAsyncUtils.asyncFx(query).get(5, TimeUnit.SECONDS);
    }

    void enter(String roomName, String name) throws Exception {
        robot.interact(() -> robot.lookup("#display-name").queryAs(TextField.class).setText(name));
        robot.clickOn(joinButtonOf(roomName));
        waitFor("the pre-join screen to be ready", () -> !robot.lookup("#prejoin-join").queryButton().isDisabled());
        robot.clickOn("#prejoin-join");
        waitFor("the room view", () -> robot.lookup("#room-view").tryQuery().isPresent());
    }

    static String text(Node node) {
        return ((javafx.scene.control.Labeled) node).getText();
    }

    String text(String query) {
        return robot.lookup(query).tryQuery().map(n -> n instanceof javafx.scene.control.TextInputControl t
                ? t.getText() : ((javafx.scene.control.Labeled) n).getText()).orElse("");
    }

    Room waitForRoom(String name, int participants) throws Exception {
        Room[] found = new Room[1];
        waitFor("room " + name + " with " + participants + " in the lobby", () -> {
            @SuppressWarnings("unchecked")
            ListView<Room> list = robot.lookup("#room-list").queryAs(ListView.class);
            Optional<Room> room = list.getItems().stream().filter(r -> r.name().equals(name)).findFirst();
            room.ifPresent(r -> found[0] = r);
            return room.isPresent() && room.get().participants() == participants
                    && robot.lookup(".room-count").queryAllAs(Label.class).stream()
                    .anyMatch(l -> l.getText().equals(participants + "/" + room.get().capacity()));
        });
        return found[0];
    }

    List<String> lobbyRoomNames() {
        @SuppressWarnings("unchecked")
        ListView<Room> list = robot.lookup("#room-list").queryAs(ListView.class);
        return list.getItems().stream().map(Room::name).toList();
    }

    Node roomNameLabel(String roomName) {
        return robot.lookup(".room-name").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().equals(roomName)).findFirst()
                .orElseThrow(() -> new AssertionError("No room called " + roomName + " in the lobby"));
    }

    Node joinButtonOf(String roomName) {
        return robot.lookup(".room-row").queryAll().stream()
                .filter(row -> robot.from(row).lookup(".room-name").queryLabeled().getText().equals(roomName))
                .map(row -> (Node) robot.from(row).lookup(".room-join").query())
                .findFirst().orElseThrow();
    }

    List<VideoTile> tiles() {
        return robot.lookup(".video-tile").queryAllAs(VideoTile.class).stream().toList();
    }

    VideoTile tile(String name) {
        return tiles().stream().filter(t -> t.participant().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No tile for " + name));
    }

    static boolean badgeVisible(VideoTile tile, String badge) {
        return tile.lookup(badge).isVisible();
    }


    List<String> chatTexts() {
        @SuppressWarnings("unchecked")
        ListView<app.carrel.protocol.ServerMessage.Chat> list = robot.lookup("#chat-list").queryAs(ListView.class);
        return list.getItems().stream().map(app.carrel.protocol.ServerMessage.Chat::text).toList();
    }
}

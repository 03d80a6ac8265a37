package app.carrel.client.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.Await;
import app.carrel.client.call.JoinedRoom;
import app.carrel.client.i18n.Texts;
import app.carrel.protocol.Peer;
import app.carrel.protocol.Room;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The room with a hall's worth of people, as the window shows it: a page of tiles with names,
 * the page bar, and the engine told whose video is in view after every turn and resize. The
 * engine is real but never connects; the people arrive as the engine would report them.
 */
@ExtendWith(ApplicationExtension.class)
class RoomViewTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    /** Every set the view's model gave showVideoOf; read by the test thread. */
    private final List<Set<String>> shownVideo = new CopyOnWriteArrayList<>();
    private RoomStage room;
    private RoomModel model;
    private RoomView view;
    private Stage stage;

    @Start
    void start(Stage primary) {
        room = RoomStage.open(true, ids -> shownVideo.add(Set.copyOf(ids)), 1200, 760);
        model = room.model();
        view = room.view();
        stage = room.stage();
    }

    @AfterEach
    void close(FxRobot robot) {
        room.close(robot);
    }

    @Test
    void aFullMeshRoomIsOnePageWithoutPageControls(FxRobot robot) {
        robot.interact(() -> model.onJoined(joined(7)));
        Await.until("eight tiles", LIMIT, () -> tileIds(robot).size() == 8);
        assertFalse(robot.lookup("#page-bar").query().isVisible());
        assertEquals(everyoneBut(0, 7), last());
    }

    @Test
    void fiftyPeoplePageThroughTheGridAndTheEngineFollowsEachTurnAndResize(FxRobot robot) {
        robot.interact(() -> model.onJoined(joined(49)));
        Await.until("a page bar", LIMIT, () -> robot.lookup("#page-bar").query().isVisible());
        List<String> first = tileIds(robot);
        int perPage = first.size();
        assertTrue(perPage >= 9 && perPage <= 16, "a page of 3×3 to 4×4 in 1200×760: " + perPage);
        assertEquals("self", first.get(0), "we are first on the first page");
        assertEquals(Texts.get("room.page", 1, pages(perPage)), label(robot));
        assertTrue(robot.lookup("#page-previous").query().isDisabled());
        assertEquals(peersOf(first), last(), "the engine hears the first page");
        assertNamesOnEveryTile(robot);

        robot.clickOn("#page-next");
        Await.until("page 2", LIMIT, () -> label(robot).equals(Texts.get("room.page", 2, pages(perPage))), () -> label(robot));
        List<String> second = tileIds(robot);
        assertEquals(perPage, second.size());
        assertTrue(second.stream().noneMatch(first::contains), "page 2 shows others: " + second);
        assertEquals(Set.copyOf(second), last(), "the engine hears page 2");

        robot.interact(() -> {
            stage.setWidth(760);
            stage.setHeight(520);
        });
        Await.until("smaller pages", LIMIT, () -> tileIds(robot).size() < perPage, () -> tileIds(robot).toString());
        List<String> small = tileIds(robot);
        Await.until("the engine told the smaller page", LIMIT, () -> last().equals(peersOf(tileIds(robot))),
                () -> last() + " vs " + tileIds(robot));
        assertTrue(small.contains(second.get(0)), "the first tile of the page stays in view: " + small);
        int index = Integer.parseInt(second.get(0).substring(1)) / small.size() + 1;
        assertEquals(Texts.get("room.page", index, pages(small.size())), label(robot));
        assertNamesOnEveryTile(robot);
    }

    /** Page Down and Page Up turn the page, as the arrows under the grid do. */
    @Test
    void pageDownAndPageUpTurnThePage(FxRobot robot) {
        robot.interact(() -> model.onJoined(joined(49)));
        Await.until("a page bar", LIMIT, () -> robot.lookup("#page-bar").query().isVisible());
        int perPage = tileIds(robot).size();
        robot.type(KeyCode.PAGE_DOWN);
        Await.until("page 2", LIMIT, () -> label(robot).equals(Texts.get("room.page", 2, pages(perPage))), () -> label(robot));
        robot.type(KeyCode.PAGE_DOWN);
        Await.until("page 3", LIMIT, () -> label(robot).equals(Texts.get("room.page", 3, pages(perPage))), () -> label(robot));
        robot.type(KeyCode.PAGE_UP);
        Await.until("page 2 again", LIMIT, () -> label(robot).equals(Texts.get("room.page", 2, pages(perPage))), () -> label(robot));
        assertEquals(Set.copyOf(tileIds(robot)), last(), "the engine hears the page the keys turned to");
    }

    @Test
    void theSpeakerComesOntoThePageWithABorder(FxRobot robot) {
        robot.interact(() -> model.onJoined(joined(49)));
        Await.until("a page bar", LIMIT, () -> robot.lookup("#page-bar").query().isVisible());
        robot.interact(() -> model.onAudioLevel("p44", 0.4));
        Await.until("p44 in view", LIMIT, () -> tileIds(robot).contains("p44"), () -> tileIds(robot).toString());
        assertTrue(last().contains("p44"));
        Node tile = robot.lookup(".video-tile").match(n -> ((VideoTile) n).participant().id().equals("p44")).query();
        assertTrue(tile.getPseudoClassStates().stream().anyMatch(c -> c.getPseudoClassName().equals("speaker")));
    }

    private Set<String> last() {
        return shownVideo.get(shownVideo.size() - 1);
    }

    private static void assertNamesOnEveryTile(FxRobot robot) {
        for (Node n : robot.lookup(".video-tile").queryAll()) {
            VideoTile tile = (VideoTile) n;
            Label name = (Label) tile.lookup(".tile-name");
            assertTrue(name.isVisible() && name.getText().contains(tile.participant().name()), name.getText());
        }
    }

    private static String label(FxRobot robot) {
        return robot.lookup("#page-label").queryAs(Label.class).getText();
    }

    private static List<String> tileIds(FxRobot robot) {
        return robot.lookup("#video-grid").queryAs(VideoGrid.class).getChildrenUnmodifiable().stream()
                .map(n -> ((VideoTile) n).participant().id()).toList();
    }

    private static Set<String> peersOf(List<String> tiles) {
        return tiles.stream().filter(id -> !id.equals("self")).collect(Collectors.toSet());
    }

    private static Set<String> everyoneBut(int from, int to) {
        return IntStream.rangeClosed(from + 1, to).mapToObj(i -> "p" + i).collect(Collectors.toSet());
    }

    private static int pages(int perPage) {
        return (50 + perPage - 1) / perPage;
    }

    private static JoinedRoom joined(int others) {
        List<Peer> peers = IntStream.rangeClosed(1, others)
                .mapToObj(i -> new Peer("p" + i, "Person " + i, i % 3 != 0, i % 4 != 0, false)).toList();
        return new JoinedRoom(new Room("r", "Great Hall", others + 1, 50, false, true), "a", "Ada", peers, List.of(), null);
    }
}

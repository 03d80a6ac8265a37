package app.carrel.client.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.client.Await;
import app.carrel.client.call.JoinedRoom;
import app.carrel.protocol.CheckInResult;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.Peer;
import app.carrel.protocol.Presence;
import app.carrel.protocol.Room;
import app.carrel.protocol.Self;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The participants panel in a hall of 50, opened from "50 here" as a person would: everyone's
 * name, goal, state and time in the room, in the panel's order, made row by row as the list
 * scrolls. The engine is real but never connects; the people and their changes arrive as the
 * engine would report them.
 */
@ExtendWith(ApplicationExtension.class)
class ParticipantsPanelTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    /** Names out of alphabetical order, with a lower-case and an accented one. */
    private static final List<String> NAMES = List.of("Zoe", "mina", "Émile", "Bea", "Cy", "Anna");

    private RoomStage room;
    private RoomModel model;
    private RoomView view;
    private Stage stage;

    @Start
    void start(Stage primary) {
        room = RoomStage.open(false, ids -> { }, 1200, 760);
        model = room.model();
        view = room.view();
        stage = room.stage();
    }

    @AfterEach
    void close(FxRobot robot) {
        room.close(robot);
    }

    @Test
    void fiftyPeopleAreListedUsFirstThenByNameWithTheirGoalStateAndTimeAndEscClosesThePanel(FxRobot robot) {
        long now = System.currentTimeMillis();
        robot.interact(() -> model.onJoined(hall(now)));
        assertFalse(robot.lookup("#participants-panel").tryQuery().isPresent(), "closed until asked for");

        robot.clickOn("#room-count");
        Await.until("the panel", LIMIT, () -> robot.lookup("#participants-panel").tryQuery().map(Node::isVisible).orElse(false));
        ListView<Participant> list = list(robot);
        assertEquals(50, list.getItems().size());
        List<String> order = list.getItems().stream().map(Participant::name).toList();
        assertEquals("Ada", order.get(0), "we come first");
        // Then by name as the language sorts them: case and accents do not send a name to the end.
        assertEquals(List.of("Anna", "Bea", "Cy", "Émile", "mina", "Person 01"), order.subList(1, 7));
        assertEquals("Zoe", order.get(49));
        assertEquals("People (50)", robot.lookup("#participants-title").queryAs(Label.class).getText());
        // A hall of 50 makes only the rows in view.
        long made = robot.lookup(".participant-cell").queryAll().stream()
                .filter(n -> ((ParticipantCell) n).getItem() != null).count();
        assertTrue(made > 5 && made < 50, "rows made for the people in view: " + made);

        Node bea = row(robot, "Bea");
        assertEquals("Chapter 4 exercises", text(bea, ".participant-goal"));
        assertEquals("On a break", text(bea, ".participant-presence"));
        assertEquals("42 min", text(bea, ".participant-time"));
        assertTrue(bea.lookup(".check-in-mark").isVisible(), "Bea shared a check-in");
        Node cy = row(robot, "Cy");
        assertEquals("Away", text(cy, ".participant-presence"));
        assertEquals("1 h 5 min", text(cy, ".participant-time"));
        assertFalse(cy.lookup(".check-in-mark").isVisible());
        assertTrue(cy.lookup(".participant-mic").getPseudoClassStates().stream()
                .anyMatch(c -> c.getPseudoClassName().equals("off")), "Cy is muted");
        Node self = row(robot, "Ada (you)");
        assertEquals("Focusing", text(self, ".participant-presence"));
        assertTrue(self.lookup(".participant-edit-goal").isVisible(), "our own row can change our goal");
        assertFalse(bea.lookup(".participant-edit-goal").isVisible());

        // Someone far down the list changes: scrolled to, the row shows it.
        robot.interact(() -> {
            model.onGoal("p40", "Lab report");
            model.onPresence("p40", Presence.AWAY);
            model.onMediaState("p40", new MediaFlags(true, true, true));
            list.scrollTo(list.getItems().size() - 1);
        });
        Await.until("Person 40's row", LIMIT, () -> rowOrNull(robot, "Person 40") != null);
        Node p40 = row(robot, "Person 40");
        Await.until("Person 40's new goal and state", LIMIT, () -> text(p40, ".participant-goal").equals("Lab report")
                && text(p40, ".participant-presence").equals("Away") && p40.lookup(".participant-screen").isVisible());

        robot.type(KeyCode.ESCAPE);
        Await.until("the panel to close", LIMIT, () -> !robot.lookup("#participants-panel").tryQuery().map(Node::isVisible).orElse(false));
    }

    /** Seen in the real window at 740×520: the controls bar was pushed out of sight. */
    @Test
    void inTheSmallestWindowThePanelAndTheChatSitBesideTheTilesAndTheControlsStayInView(FxRobot robot) {
        robot.interact(() -> {
            model.onJoined(hall(System.currentTimeMillis()));
            stage.setWidth(740);
            stage.setHeight(520);
            model.toggleParticipants();
            if (!model.chat().openProperty().get()) {
                model.chat().toggleOpen();
            }
        });
        robot.interact(() -> { }); // one more pulse for the layout
        Node controls = robot.lookup("#room-controls").query();
        double bottom = controls.getBoundsInParent().getMaxY();
        assertTrue(bottom <= view.getHeight() + 0.5, "controls end at " + bottom + " in a view " + view.getHeight() + " high");
        Node side = view.getRight();
        assertTrue(side.getBoundsInParent().getWidth() <= view.getWidth() * 0.6 + 0.5, "the panels take at most 60%");
        assertTrue(view.getCenter().getBoundsInParent().getWidth() > 200, "the tiles keep a column");
        assertTrue(robot.lookup("#participants-panel").query().isVisible() && robot.lookup("#chat-view").query().isVisible());
    }

    @Test
    void goalsShowUnderTheNamesOnTheTilesAndFollowChanges(FxRobot robot) {
        long now = System.currentTimeMillis();
        robot.interact(() -> model.onJoined(hall(now)));
        VideoTile bea = tile(robot, "Bea");
        Label goal = (Label) bea.lookup(".tile-goal");
        assertTrue(goal.isVisible());
        assertEquals("Chapter 4 exercises", goal.getText());
        assertEquals("Chapter 4 exercises", goal.getTooltip().getText(), "the whole goal in the tooltip");
        assertTrue(bea.lookup(".tile-check-in").isVisible(), "Bea's shared check-in");
        robot.interact(() -> {
            model.onGoal("b", "");
            model.onCheckedIn("b", null);
        });
        assertFalse(goal.isVisible(), "a cleared goal leaves no empty line");
        assertFalse(bea.lookup(".tile-check-in").isVisible(), "the mark goes when the server clears it");
        Label ours = (Label) tile(robot, "Ada").lookup(".tile-goal");
        assertEquals("Finish the essay", ours.getText(), "our own goal, as the server seated us with it");
    }

    private static JoinedRoom hall(long now) {
        List<Peer> peers = new ArrayList<>();
        peers.add(new Peer("b", "Bea", true, true, false, "Chapter 4 exercises", Presence.BREAK, now - 42 * 60_000L,
                CheckInResult.DONE));
        peers.add(new Peer("c", "Cy", false, true, false, null, Presence.AWAY, now - 65 * 60_000L, null));
        for (String name : NAMES) {
            if (!name.equals("Bea") && !name.equals("Cy")) {
                peers.add(new Peer("n-" + name, name, true, true, false, null, Presence.FOCUS, now, null));
            }
        }
        for (int i = 1; peers.size() < 49; i++) {
            peers.add(new Peer("p" + i, String.format("Person %02d", i), i % 3 != 0, true, false, null,
                    Presence.FOCUS, now - i * 60_000L, null));
        }
        Self self = new Self("a", "Ada", "Finish the essay", Presence.FOCUS, now, null);
        return new JoinedRoom(new Room("r", "Great Hall", 50, 50, false, true), "a", "Ada", peers, List.of(), null, self);
    }

    @SuppressWarnings("unchecked")
    private static ListView<Participant> list(FxRobot robot) {
        return robot.lookup("#participants-list").queryAs(ListView.class);
    }

    private static Node rowOrNull(FxRobot robot, String name) {
        return robot.lookup(".participant-cell").queryAll().stream()
                .filter(n -> ((ParticipantCell) n).getItem() != null && n.isVisible())
                .filter(n -> text(n, ".participant-name").equals(name))
                .findFirst().orElse(null);
    }

    private static Node row(FxRobot robot, String name) {
        Node row = rowOrNull(robot, name);
        if (row == null) {
            throw new AssertionError("No row for " + name);
        }
        return row;
    }

    private static String text(Node row, String query) {
        return ((Label) row.lookup(query)).getText();
    }

    private static VideoTile tile(FxRobot robot, String name) {
        return robot.lookup(".video-tile").queryAllAs(VideoTile.class).stream()
                .filter(t -> t.participant().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No tile for " + name));
    }
}

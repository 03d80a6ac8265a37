package app.carrel.client.lobby;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.carrel.client.i18n.Language;
import app.carrel.client.i18n.Texts;
import app.carrel.client.text.Glyphs;
import app.carrel.client.text.WorldNames;
import app.carrel.protocol.Room;
import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The lobby's rooms named in every script show their names, not boxes; in Korean, its words too. */
class RoomCellTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void roomNamesInEveryScriptAreDrawn() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            List<Room> rooms = WorldNames.ALL.stream().map(name -> new Room(name, name, 1, 8, false)).toList();
            ListView<Room> list = new ListView<>(FXCollections.observableArrayList(rooms));
            list.setCellFactory(view -> new RoomCell(room -> { }, new SimpleBooleanProperty(true)));
            Scene scene = new Scene(list, 700, 400);
            scene.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            list.applyCss();
            list.layout();
            List<Node> names = List.copyOf(list.lookupAll(".room-name"));
            assertEquals(rooms.size(), names.size(), "one name per room");
            for (int i = 0; i < rooms.size(); i++) {
                Glyphs.assertDrawn(names.get(i), rooms.get(i).name());
            }
            return null;
        }).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aHallSaysSoAndAMeshRoomDoesNot() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            ListView<Room> list = new ListView<>(FXCollections.observableArrayList(
                    new Room("a", "Great Hall", 31, 50, false, true), new Room("b", "Pair", 1, 2, false)));
            list.setCellFactory(view -> new RoomCell(room -> { }, new SimpleBooleanProperty(true)));
            Scene scene = new Scene(list, 700, 400);
            scene.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            list.applyCss();
            list.layout();
            List<Node> badges = List.copyOf(list.lookupAll(".room-hall"));
            assertEquals(2, badges.size(), "one badge per cell, shown or not");
            assertEquals(List.of(true, false), badges.stream().map(Node::isVisible).toList());
            Glyphs.assertDrawn(badges.get(0), "Study hall");
            return null;
        }).get(30, TimeUnit.SECONDS);
    }

    @Test
    void joinFullAndStudyHallAreKoreanWordsDrawnInAKoreanApp() throws Exception {
        Locale before = Locale.getDefault();
        Texts.use(Language.KOREAN);
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                List<Room> rooms = List.of(new Room("a", "알고리즘 스터디", 1, 8, false), new Room("b", "Full", 2, 2, false),
                        new Room("c", "Hall", 3, 50, false, true));
                ListView<Room> list = new ListView<>(FXCollections.observableArrayList(rooms));
                list.setCellFactory(view -> new RoomCell(room -> { }, new SimpleBooleanProperty(true)));
                Scene scene = new Scene(list, 700, 400);
                scene.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                list.applyCss();
                list.layout();
                List<Node> buttons = List.copyOf(list.lookupAll(".room-join"));
                Glyphs.assertDrawn(buttons.get(0), "입장");
                Glyphs.assertDrawn(buttons.get(1), "만원");
                Glyphs.assertDrawn(list.lookupAll(".room-hall").stream().filter(Node::isVisible).findFirst().orElseThrow(), "스터디 홀");
                return null;
            }).get(30, TimeUnit.SECONDS);
        } finally {
            Locale.setDefault(before);
            Texts.use(Language.SYSTEM);
        }
    }
}

package app.carrel.client.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.protocol.ServerMessage;
import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The chat panel as a reader sees it: where the list stands as lines come, links, "You". */
@ExtendWith(ApplicationExtension.class)
class ChatViewTest {

    private final List<String> opened = new ArrayList<>();
    private final ChatModel chat = new ChatModel(text -> new CompletableFuture<>());
    private ChatView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        // Forty lines of history before the panel is ever shown: a rejoin into a busy room.
        chat.joined("me", LongStream.rangeClosed(1, 40).mapToObj(n -> line("other", "line " + n, n)).toList());
        view = new ChatView(chat, opened::add);
        stage.setScene(new Scene(view, 300, 400));
        stage.show();
    }

    @Test
    void itOpensAtTheNewestAndFollowsNewLinesWhileTheReaderIsAtTheBottom(FxRobot robot) throws Exception {
        settle();
        assertTrue(fx(() -> newestFullyShown(robot)), "opened at the oldest, not the newest");
        // The list's listener must outlive a collection (the weak-wrapper bug).
        System.gc();
        System.gc();
        for (long n = 41; n <= 50; n++) {
            long seq = n;
            fx(() -> received(line("other", "line " + seq, seq)));
            settle();
        }
        assertTrue(fx(() -> newestFullyShown(robot)), "new lines went below the fold");
        assertFalse(fx(() -> robot.lookup("#chat-new-messages").query().isVisible()));
    }

    @Test
    void aReaderOfOlderLinesIsNotYankedButToldAndOurOwnLineTakesThemDown(FxRobot robot) throws Exception {
        settle();
        fx(() -> {
            list(robot).scrollTo(0);
            return null;
        });
        settle();
        fx(() -> received(line("other", "while you read", 41)));
        settle();
        assertEquals(0, fx(() -> flow(robot).getFirstVisibleCell().getIndex()), "yanked away from what they read");
        assertTrue(fx(() -> robot.lookup("#chat-new-messages").query().isVisible()), "no sign of the new line");

        robot.clickOn("#chat-new-messages");
        settle();
        assertTrue(fx(() -> newestFullyShown(robot)));
        assertFalse(fx(() -> robot.lookup("#chat-new-messages").query().isVisible()));

        fx(() -> {
            list(robot).scrollTo(0);
            return null;
        });
        settle();
        fx(() -> received(line("me", "my own", 42)));
        settle();
        assertTrue(fx(() -> newestFullyShown(robot)), "our own line went unseen");
    }

    @Test
    void linksOpenAndOurOwnLinesSayYou(FxRobot robot) throws Exception {
        fx(() -> received(line("me", "notes: https://example.org/notes.pdf.", 41)));
        settle();
        assertTrue(fx(() -> newestFullyShown(robot)), "our line with a link was cut off");
        IndexedCell<?> cell = fx(() -> flow(robot).getLastVisibleCell());
        assertTrue(fx(() -> ((Label) cell.lookup(".label")).getText().startsWith("You · ")));
        Text link = fx(() -> (Text) cell.lookup(".chat-link"));
        assertEquals("https://example.org/notes.pdf", link.getText());
        robot.clickOn(link);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("https://example.org/notes.pdf"), opened);

        // A link that wraps the line in a narrow panel: the whole line still comes into view.
        fx(() -> received(line("other", "the slides are at https://example.org/week3/slides-for-the-seminar.pdf, see you at 3", 42)));
        settle();
        assertTrue(fx(() -> newestFullyShown(robot)), "a wrapped line with a link was cut off");
    }

    private Void received(ServerMessage.Chat line) {
        chat.received(line);
        return null;
    }

    private static boolean newestFullyShown(FxRobot robot) {
        VirtualFlow<?> flow = flow(robot);
        IndexedCell<?> last = flow.getLastVisibleCell();
        int newest = list(robot).getItems().size() - 1;
        return last != null && last.getIndex() == newest
                && last.getLayoutY() + last.getHeight() <= flow.getHeight() + 1;
    }

    @SuppressWarnings("unchecked")
    private static ListView<ServerMessage.Chat> list(FxRobot robot) {
        return robot.lookup("#chat-list").queryAs(ListView.class);
    }

    private static VirtualFlow<?> flow(FxRobot robot) {
        return (VirtualFlow<?>) list(robot).lookup(".virtual-flow");
    }

    /** Lays the panel out now, as a pulse would: new lines first, then what a scroll asked for. */
    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 3; i++) {
            fx(() -> {
                view.applyCss();
                view.layout();
                return null;
            });
        }
    }

    private static ServerMessage.Chat line(String from, String text, long seq) {
        return new ServerMessage.Chat(null, from, from.equals("me") ? "Ada" : "Bea", text, 0, seq);
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(5, TimeUnit.SECONDS);
    }
}

package app.carrel.client.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A line typed into the chat is lost only when the server took it: the answers come on the FX thread. */
class ChatSendTest {

    private final List<String> sent = new ArrayList<>();
    private final List<CompletableFuture<ServerMessage.Chat>> answers = new ArrayList<>();
    private final ChatModel chat = new ChatModel(text -> {
        sent.add(text);
        CompletableFuture<ServerMessage.Chat> answer = new CompletableFuture<>();
        answers.add(answer);
        return answer;
    });

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aLineThatCouldNotBeSentStaysInTheBoxAndGoesOnTheNextTry() throws Exception {
        fx(() -> {
            chat.joined("me", List.of());
            chat.draftProperty().set("see you at 3");
            return chat.send();
        });
        assertTrue(fx(() -> chat.sendingProperty().get()));
        assertFalse(fx(chat::send), "a second Enter while the first is on its way");
        assertEquals(List.of("see you at 3"), sent);

        // Reconnecting: the request gets no answer in time.
        answers.get(0).completeExceptionally(new CompletionException(new TimeoutException()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("see you at 3", fx(() -> chat.draftProperty().get()));
        assertFalse(fx(() -> chat.sendingProperty().get()));
        assertEquals("Not sent (no answer from the server). Your message is still in the box: press Enter to try again.",
                fx(() -> chat.noticeProperty().get()));
        assertEquals(0, fx(() -> chat.lines().size()));

        // Back in the room: Enter again, and this time the server takes it.
        assertTrue(fx(chat::send));
        answers.get(1).complete(new ServerMessage.Chat("2", "me", "Ada", "see you at 3", 0, 7));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", fx(() -> chat.draftProperty().get()));
        assertEquals("", fx(() -> chat.noticeProperty().get()));
        assertEquals(List.of("see you at 3"), fx(() -> chat.lines().stream().map(ServerMessage.Chat::text).toList()));
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(5, TimeUnit.SECONDS);
    }
}

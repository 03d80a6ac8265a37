package app.carrel.client.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.carrel.protocol.ServerMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ChatModelTest {

    private final ChatModel chat = new ChatModel(text -> new CompletableFuture<>());

    @Test
    void historyIsNotUnreadAndLinesStayInSeqOrderWithoutDuplicates() {
        chat.joined("me", List.of(line("a", 1), line("b", 2)));
        chat.setOpen(false);
        chat.received(line("d", 4));
        chat.received(line("c", 3));
        chat.received(line("d", 4));
        assertEquals(List.of(1L, 2L, 3L, 4L), chat.lines().stream().map(ServerMessage.Chat::seq).toList());
        assertEquals(2, chat.unreadProperty().get());
    }

    @Test
    void ourOwnLinesAreNeverUnreadAndOpeningClearsTheBadge() {
        chat.joined("me", List.of());
        chat.setOpen(false);
        chat.received(new ServerMessage.Chat(null, "me", "Me", "mine", 0, 1));
        assertEquals(0, chat.unreadProperty().get());
        chat.received(line("theirs", 2));
        assertEquals(1, chat.unreadProperty().get());
        chat.setOpen(true);
        assertEquals(0, chat.unreadProperty().get());
    }

    @Test
    void anEmptyOrTooLongMessageIsRefusedWithANotice() {
        assertFalse(chat.send("  "));
        assertFalse(chat.send("x".repeat(2001)));
        assertEquals("A message has 1–2000 characters.", chat.noticeProperty().get());
    }

    private static ServerMessage.Chat line(String text, long seq) {
        return new ServerMessage.Chat(null, "other", "Other", text, 0, seq);
    }
}

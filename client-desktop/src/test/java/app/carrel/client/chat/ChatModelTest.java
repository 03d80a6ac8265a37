package app.carrel.client.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.protocol.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.collections.ListChangeListener;
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
        chat.draftProperty().set("  ");
        assertFalse(chat.send());
        chat.draftProperty().set("x".repeat(2001));
        assertFalse(chat.send());
        assertEquals("A message has 1–2000 characters.", chat.noticeProperty().get());
        assertEquals("x".repeat(2001), chat.draftProperty().get());
    }

    @Test
    void theLinesAreOneViewWhoseListenersOutliveAGarbageCollection() {
        List<Long> seen = new ArrayList<>();
        chat.lines().addListener((ListChangeListener<ServerMessage.Chat>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(line -> seen.add(line.seq()));
            }
        });
        System.gc();
        System.gc();
        chat.received(line("after gc", 1));
        assertSame(chat.lines(), chat.lines());
        assertEquals(List.of(1L), seen);
    }

    @Test
    void ourLinesAreOursUnderTheCurrentIdAndUnderAnEarlierIdOfThisVisit() {
        ServerMessage.Chat before = new ServerMessage.Chat(null, "seat-1", "Ada", "first seat", 0, 1);
        ServerMessage.Chat after = new ServerMessage.Chat(null, "seat-2", "Ada", "second seat", 0, 2);
        chat.joined("seat-1", List.of(before));
        assertTrue(chat.isOwn(before));
        // The grace period ran out: a fresh seat, a new id, the same person.
        chat.joined("seat-2", List.of(before, after));
        assertTrue(chat.isOwn(before));
        assertTrue(chat.isOwn(after));
        assertFalse(chat.isOwn(line("theirs", 3)));
        assertFalse(chat.isOwn(new ServerMessage.Chat(null, null, "?", "no sender", 0, 4)));
    }

    @Test
    void eachJoinTellsTheViewItsHistoryIsIn() {
        int[] told = {0};
        chat.onHistory(() -> told[0]++);
        chat.joined("me", List.of(line("a", 1)));
        chat.joined("me", List.of(line("a", 1), line("b", 2)));
        assertEquals(2, told[0]);
        assertEquals(2, chat.lines().size());
    }

    private static ServerMessage.Chat line(String text, long seq) {
        return new ServerMessage.Chat(null, "other", "Other", text, 0, seq);
    }
}

package app.carrel.client.chat;

import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TextRules;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The room's chat: the replayed history, new lines in {@code seq} order without duplicates (our
 * own line comes back as the answer to our request), and the unread count while the panel is
 * closed. FX thread only.
 */
public final class ChatModel {

    private final Function<String, CompletableFuture<ServerMessage.Chat>> sender;
    private final ObservableList<ServerMessage.Chat> lines = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper(this, "unread");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open", true);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private String selfId;

    public ChatModel(Function<String, CompletableFuture<ServerMessage.Chat>> sender) {
        this.sender = sender;
    }

    public ObservableList<ServerMessage.Chat> lines() {
        return FXCollections.unmodifiableObservableList(lines);
    }

    public ReadOnlyIntegerProperty unreadProperty() {
        return unread.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public String selfId() {
        return selfId;
    }

    /** The history replayed on join (the last 50, oldest first). Not counted as unread. */
    public void joined(String selfId, List<ServerMessage.Chat> history) {
        this.selfId = selfId;
        history.forEach(this::add);
    }

    public void received(ServerMessage.Chat chat) {
        if (add(chat) && !open.get() && !chat.from().equals(selfId)) {
            unread.set(unread.get() + 1);
        }
    }

    public void setOpen(boolean on) {
        open.set(on);
        if (on) {
            unread.set(0);
        }
    }

    public void toggleOpen() {
        setOpen(!open.get());
    }

    /** Sends a line; false (with a notice) when it breaks the rules. */
    public boolean send(String text) {
        if (text == null || text.isBlank() || !TextRules.validChat(text)) {
            notice.set("A message has 1–" + TextRules.MAX_CHAT + " characters.");
            return false;
        }
        notice.set("");
        sender.apply(text).whenComplete((chat, error) -> Platform.runLater(() -> {
            if (error != null) {
                notice.set("Not sent: " + (error.getCause() != null ? error.getCause().getMessage() : error.getMessage()));
            } else {
                add(chat);
            }
        }));
        return true;
    }

    private boolean add(ServerMessage.Chat chat) {
        int at = lines.size();
        while (at > 0 && lines.get(at - 1).seq() >= chat.seq()) {
            if (lines.get(at - 1).seq() == chat.seq()) {
                return false;
            }
            at--;
        }
        lines.add(at, chat);
        return true;
    }
}

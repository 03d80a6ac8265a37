package app.carrel.client.chat;

import app.carrel.client.i18n.Texts;
import app.carrel.client.signaling.SignalingException;
import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TextRules;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room's chat: the replayed history, new lines in {@code seq} order without duplicates (our
 * own line comes back as the answer to our request), the unread count while the panel is
 * closed, and the line being typed, which is cleared only once the server took it. FX thread
 * only.
 */
public final class ChatModel {

    private static final Logger log = LoggerFactory.getLogger(ChatModel.class);

    private final Function<String, CompletableFuture<ServerMessage.Chat>> sender;
    private final ObservableList<ServerMessage.Chat> lines = FXCollections.observableArrayList();
    // One read-only view, kept: JavaFX's unmodifiable wrapper listens to its source only weakly,
    // so a fresh wrapper per call is collected after the next GC with every listener on it (the
    // list's scroll-to-newest among them).
    private final ObservableList<ServerMessage.Chat> linesView = FXCollections.unmodifiableObservableList(lines);
    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper(this, "unread");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open", true);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(this, "sending");
    /** Every participant id we held during this visit: a rejoin after the grace period gets a new one. */
    private final Set<String> ownIds = new HashSet<>();
    private Runnable onHistory = () -> { };
    private String selfId;

    public ChatModel(Function<String, CompletableFuture<ServerMessage.Chat>> sender) {
        this.sender = sender;
    }

    public ObservableList<ServerMessage.Chat> lines() {
        return linesView;
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

    /** The line being typed; the input field is bound to it both ways. */
    public StringProperty draftProperty() {
        return draft;
    }

    /** True while our line waits for the server's answer. */
    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    public String selfId() {
        return selfId;
    }

    /** True for a line we wrote, under our current participant id or one we held earlier in this visit. */
    public boolean isOwn(ServerMessage.Chat chat) {
        return chat.from() != null && ownIds.contains(chat.from());
    }

    /** Told after each (re)join's history is in: the view opens at the newest line. */
    public void onHistory(Runnable listener) {
        this.onHistory = listener;
    }

    /** The history replayed on join (the last 50, oldest first). Not counted as unread. */
    public void joined(String selfId, List<ServerMessage.Chat> history) {
        this.selfId = selfId;
        ownIds.add(selfId);
        history.forEach(this::add);
        onHistory.run();
    }

    public void received(ServerMessage.Chat chat) {
        if (add(chat) && !open.get() && !isOwn(chat)) {
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

    /**
     * Sends the draft; false (with a notice) when it breaks the rules or a line is on its way.
     * The draft is cleared when the server takes the line, and kept when it does not (while
     * reconnecting, say), to be sent again with Enter. It is never resent by itself: a request
     * whose answer was lost may have reached the room, and a resend would say it twice.
     */
    public boolean send() {
        String text = draft.get();
        if (sending.get()) {
            return false;
        }
        if (text == null || text.isBlank() || !TextRules.validChat(text)) {
            notice.set(Texts.get("chat.invalid", TextRules.MAX_CHAT));
            return false;
        }
        notice.set("");
        sending.set(true);
        sender.apply(text).whenComplete((chat, error) -> Platform.runLater(() -> {
            sending.set(false);
            if (error != null) {
                notice.set(Texts.get("chat.notSent", reason(error)));
            } else {
                add(chat);
                if (text.equals(draft.get())) {
                    draft.set("");
                }
            }
        }));
        return true;
    }

    private static String reason(Throwable error) {
        Throwable cause = SignalingException.unwrap(error);
        if (cause instanceof java.util.concurrent.TimeoutException) {
            return Texts.get("chat.noAnswer");
        }
        if (cause instanceof SignalingException s && s.code() != null) {
            log.info("Chat refused: {}", s.reason()); // the server's words, for the log
            return Texts.error(s.code());
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
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

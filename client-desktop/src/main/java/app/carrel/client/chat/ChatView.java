package app.carrel.client.chat;

import app.carrel.client.i18n.Texts;
import app.carrel.protocol.ServerMessage;
import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The chat panel: lines with name, time and clickable links, an input and a send button. It
 * follows the newest line while the reader is at the bottom (and always for our own lines and
 * on joining); a reader who scrolled up to older lines is left there, with a "New messages"
 * button to jump down.
 */
public final class ChatView extends VBox {

    private static final int ALIGN_PASSES = 3;

    private final ChatModel model;
    private final Consumer<String> openLink;
    private final ListView<ServerMessage.Chat> list = new ListView<>();
    private final Button newMessages = new Button(Texts.get("chat.newMessages"), new FontIcon(Material2AL.ARROW_DOWNWARD));
    private final TextField input = new TextField();
    private final Button send = new Button(null, new FontIcon(Material2MZ.SEND));
    private final Label notice = new Label();
    /** Layouts left in which to bring the newest line fully into view; 0 when not asked. */
    private int aligning;

    /** {@code openLink} shows an http(s) address in the person's browser. */
    public ChatView(ChatModel model, Consumer<String> openLink) {
        this.model = model;
        this.openLink = openLink;
        getStylesheets().add(ChatView.class.getResource("chat.css").toExternalForm());
        createView();
        init();
    }

    private void createView() {
        setId("chat-view");
        setSpacing(8);
        setPadding(new Insets(10));
        Label title = new Label(Texts.get("chat.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        list.setId("chat-list");
        list.setCellFactory(l -> new LineCell());
        list.setPlaceholder(new Label(Texts.get("chat.empty")));
        newMessages.setId("chat-new-messages");
        newMessages.getStyleClass().addAll(Styles.ACCENT, Styles.SMALL, Styles.ROUNDED);
        newMessages.setVisible(false);
        StackPane.setAlignment(newMessages, Pos.BOTTOM_CENTER);
        StackPane.setMargin(newMessages, new Insets(0, 0, 8, 0));
        StackPane lines = new StackPane(list, newMessages);
        VBox.setVgrow(lines, Priority.ALWAYS);
        input.setId("chat-input");
        input.setPromptText(Texts.get("chat.prompt"));
        HBox.setHgrow(input, Priority.ALWAYS);
        send.setId("chat-send");
        send.getStyleClass().add(Styles.ACCENT);
        notice.setId("chat-notice");
        notice.setWrapText(true);
        notice.getStyleClass().add(Styles.DANGER);
        getChildren().addAll(title, lines, notice, new HBox(6, input, send));
    }

    private void init() {
        list.setItems(model.lines());
        model.lines().addListener(this::linesChanged);
        model.onHistory(() -> {
            list.refresh(); // "You" is decided per cell: a new participant id changes it
            showNewest();
        });
        list.skinProperty().addListener((obs, old, skin) -> {
            VirtualFlow<?> flow = flow();
            if (flow != null) {
                flow.positionProperty().addListener((o, was, now) -> {
                    if (newMessages.isVisible() && atNewest(model.lines().size())) {
                        newMessages.setVisible(false);
                    }
                });
                flow.needsLayoutProperty().addListener((o, was, needs) -> {
                    if (!needs) {
                        alignNewest(flow);
                    }
                });
            }
            showNewest();
        });
        newMessages.setOnAction(e -> showNewest());
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        input.textProperty().bindBidirectional(model.draftProperty());
        // Typing into a line that is on its way would be lost when the answer clears it.
        input.editableProperty().bind(model.sendingProperty().not());
        send.disableProperty().bind(model.sendingProperty());
        input.setOnAction(e -> model.send());
        send.setOnAction(e -> model.send());
    }

    private void linesChanged(ListChangeListener.Change<? extends ServerMessage.Chat> c) {
        int added = 0;
        boolean own = false;
        while (c.next()) {
            added += c.getAddedSize();
            for (ServerMessage.Chat chat : c.getAddedSubList()) {
                own |= model.isOwn(chat);
            }
        }
        if (added == 0) {
            return;
        }
        // Decided on the cells as they were laid out before these lines came.
        if (own || atNewest(model.lines().size() - added)) {
            showNewest();
        } else {
            newMessages.setVisible(true);
        }
    }

    private void showNewest() {
        newMessages.setVisible(false);
        if (!model.lines().isEmpty()) {
            // Coarse: the flow places the line by an estimate of the cells' heights, which left
            // the newest line cut at the bottom. alignNewest finishes once the cells are laid out.
            list.scrollTo(model.lines().size() - 1);
            aligning = ALIGN_PASSES;
        }
    }

    /** After a layout of the list: moves the newest line exactly into view, if it was asked for. */
    private void alignNewest(VirtualFlow<?> flow) {
        if (aligning == 0) {
            return;
        }
        aligning--;
        int newest = model.lines().size() - 1;
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (last != null && last.getIndex() == newest) {
            aligning = 0;
        }
        flow.scrollTo(newest); // exact when its cell is live, else another estimate and layout
    }

    /** True when the reader sees the end of the first {@code count} lines (or nothing is laid out yet). */
    private boolean atNewest(int count) {
        VirtualFlow<?> flow = flow();
        IndexedCell<?> last = flow == null ? null : flow.getLastVisibleCell();
        if (last == null || count <= 0) {
            return true;
        }
        return last.getIndex() >= count - 1 && last.getLayoutY() + last.getHeight() <= flow.getHeight() + 2;
    }

    private VirtualFlow<?> flow() {
        Node node = list.lookup(".virtual-flow");
        return node instanceof VirtualFlow<?> flow ? flow : null;
    }

    private final class LineCell extends ListCell<ServerMessage.Chat> {
        private final Label who = new Label();
        private final TextFlow text = new TextFlow();
        private final VBox box = new VBox(2, who, text);
        private ServerMessage.Chat shown;

        LineCell() {
            who.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD);
            text.getStyleClass().add("chat-text");
            // A cell sizes to its content unless told otherwise; pinning the text to the list's
            // width makes long lines wrap instead of ending in "…".
            setPrefWidth(0);
            text.prefWidthProperty().bind(list.widthProperty().subtract(36));
            text.maxWidthProperty().bind(text.prefWidthProperty());
            text.setMinHeight(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(ServerMessage.Chat chat, boolean empty) {
            super.updateItem(chat, empty);
            if (empty || chat == null) {
                setGraphic(null);
                return;
            }
            who.setText(Texts.get("chat.byline", model.isOwn(chat) ? Texts.get("chat.you") : chat.name(),
                    Texts.time(Instant.ofEpochMilli(chat.at()))));
            if (chat != shown) { // a layout asks again for the same line; its nodes stay
                shown = chat;
                text.getChildren().clear();
                for (ChatLinks.Span span : ChatLinks.split(chat.text())) {
                    text.getChildren().add(span.link() ? link(span.text()) : plain(span.text()));
                }
            }
            setGraphic(box);
        }

        private Node plain(String s) {
            Text t = new Text(s);
            t.getStyleClass().add("chat-text"); // chat.css: a bare Text is not styled by the theme
            return t;
        }

        // A Text, not a Hyperlink: a Text wraps inside the flow like the words around it, while a
        // Hyperlink is a control whose size is unknown until its skin exists, so the cell was
        // measured short and the list's newest line ended cut off at the bottom (seen under Xvfb).
        private Node link(String url) {
            Text link = new Text(url);
            link.getStyleClass().add("chat-link");
            link.setUnderline(true);
            link.setCursor(Cursor.HAND);
            Tooltip.install(link, new Tooltip(Texts.get("chat.openLink", url)));
            link.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY) {
                    openLink.accept(url);
                }
            });
            return link;
        }
    }
}

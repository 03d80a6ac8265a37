package app.carrel.client.chat;

import app.carrel.protocol.ServerMessage;
import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The chat panel: lines with name and time, an input and a send button. */
public final class ChatView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final ChatModel model;
    private final ListView<ServerMessage.Chat> list = new ListView<>();
    private final TextField input = new TextField();
    private final Button send = new Button(null, new FontIcon(Material2MZ.SEND));
    private final Label notice = new Label();

    public ChatView(ChatModel model) {
        this.model = model;
        createView();
        init();
    }

    private void createView() {
        setId("chat-view");
        setSpacing(8);
        setPadding(new Insets(10));
        Label title = new Label("Chat");
        title.getStyleClass().add(Styles.TITLE_4);
        list.setId("chat-list");
        list.setCellFactory(l -> new LineCell());
        list.setPlaceholder(new Label("No messages yet"));
        VBox.setVgrow(list, Priority.ALWAYS);
        input.setId("chat-input");
        input.setPromptText("Message the room");
        HBox.setHgrow(input, Priority.ALWAYS);
        send.setId("chat-send");
        send.getStyleClass().add(Styles.ACCENT);
        notice.setId("chat-notice");
        notice.setWrapText(true);
        notice.getStyleClass().add(Styles.DANGER);
        getChildren().addAll(title, list, notice, new HBox(6, input, send));
    }

    private void init() {
        list.setItems(model.lines());
        model.lines().addListener((ListChangeListener<ServerMessage.Chat>) c -> list.scrollTo(model.lines().size() - 1));
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        input.setOnAction(e -> submit());
        send.setOnAction(e -> submit());
    }

    private void submit() {
        if (model.send(input.getText())) {
            input.clear();
        }
    }

    private final class LineCell extends ListCell<ServerMessage.Chat> {
        private final Label who = new Label();
        private final Label text = new Label();
        private final VBox box = new VBox(2, who, text);

        LineCell() {
            who.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD);
            text.setWrapText(true);
            text.getStyleClass().add("chat-text");
            // A cell sizes to its content unless told otherwise; pinning the text to the list's
            // width makes long lines wrap instead of ending in "…".
            setPrefWidth(0);
            text.prefWidthProperty().bind(list.widthProperty().subtract(36));
            text.setMinHeight(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(ServerMessage.Chat chat, boolean empty) {
            super.updateItem(chat, empty);
            if (empty || chat == null) {
                setGraphic(null);
                return;
            }
            boolean mine = chat.from().equals(model.selfId());
            who.setText((mine ? "You" : chat.name()) + " · " + TIME.format(Instant.ofEpochMilli(chat.at())));
            text.setText(chat.text());
            setGraphic(box);
        }
    }
}

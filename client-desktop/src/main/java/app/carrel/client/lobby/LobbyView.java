package app.carrel.client.lobby;

import app.carrel.client.i18n.Texts;
import app.carrel.client.owners.OwnerMenus;
import app.carrel.client.owners.RoomActions;
import app.carrel.client.window.TextLimits;
import app.carrel.protocol.Room;
import app.carrel.protocol.TextRules;
import atlantafx.base.theme.Styles;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.util.Duration;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Server address, display name, the live room list, "New room", and inline notices. Ctrl+N opens
 * "New room"; Enter or a double click joins the selected room.
 */
public final class LobbyView extends BorderPane {

    /** lobby.css, for the view and its dialogs (a dialog is a scene of its own). */
    static final String STYLESHEET = LobbyView.class.getResource("lobby.css").toExternalForm();
    private static final KeyCombination NEW_ROOM = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    private final LobbyModel model;
    private final Runnable openSettings;
    private final TextField server = new TextField();
    private final Button connect = new Button(Texts.get("lobby.connect"));
    private final TextField name = new TextField();
    private final ListView<Room> roomList = new ListView<>();
    /** The rows' clock (epoch ms): their timers' minutes move on with it. */
    private final ReadOnlyLongWrapper clock = new ReadOnlyLongWrapper(System.currentTimeMillis());
    private final Button create = new Button(Texts.get("lobby.newRoom"), new FontIcon(Material2AL.ADD));
    private final Label notice = new Label();
    private final Button retry = new Button(Texts.get("lobby.retry"), new FontIcon(Material2MZ.REFRESH));
    private final HBox noticeBox = new HBox(10, notice, retry);
    private final Button settings = new Button(null, new FontIcon(Material2MZ.SETTINGS));
    private final Button myFocus = new Button(Texts.get("lobby.myFocus"), new FontIcon(Material2AL.INSERT_CHART_OUTLINED));
    private final Runnable openMyFocus;

    /** {@code openMyFocus} shows the "My focus" page (the history on this computer). */
    public LobbyView(LobbyModel model, Runnable openSettings, Runnable openMyFocus) {
        this.model = model;
        this.openSettings = openSettings;
        this.openMyFocus = openMyFocus;
        getStylesheets().add(STYLESHEET);
        createView();
        init();
    }

    private void createView() {
        setId("lobby-view");
        setPadding(new Insets(20, 28, 20, 28));
        Label title = new Label(Texts.get("lobby.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        server.setId("server-address");
        server.setPromptText(Texts.get("lobby.serverPrompt"));
        HBox.setHgrow(server, Priority.ALWAYS);
        connect.setId("connect");
        settings.setId("open-settings");
        settings.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        HBox serverRow = new HBox(8, new Label(Texts.get("lobby.server")), server, connect, settings);
        serverRow.setAlignment(Pos.CENTER_LEFT);

        name.setId("display-name");
        name.setPromptText(Texts.get("lobby.yourName"));
        TextLimits.limit(name, TextRules.MAX_NAME);
        name.setPrefColumnCount(20);
        HBox nameRow = new HBox(8, new Label(Texts.get("lobby.yourName")), name);
        nameRow.setAlignment(Pos.CENTER_LEFT);

        notice.setId("lobby-notice");
        notice.setWrapText(true);
        notice.setGraphic(new FontIcon(Material2AL.ERROR));
        retry.setId("retry");
        // A long notice wraps beside the button rather than squeezing its label to "...".
        retry.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(notice, Priority.ALWAYS);
        noticeBox.setAlignment(Pos.CENTER_LEFT);
        noticeBox.setPadding(new Insets(8, 12, 8, 12));
        noticeBox.getStyleClass().add("lobby-notice-box");
        notice.getStyleClass().add("lobby-notice");

        VBox header = new VBox(12, title, serverRow, nameRow, noticeBox);
        header.setPadding(new Insets(0, 0, 12, 0));
        setTop(header);

        roomList.setId("room-list");
        roomList.setCellFactory(list -> new RoomCell(this::join, model.onlineProperty(), this::ownerMenu,
                clock.getReadOnlyProperty()));
        // The rows' timers count down in whole minutes: a tick every few seconds is plenty.
        Timeline ticks = new Timeline(new KeyFrame(Duration.seconds(5), e -> clock.set(System.currentTimeMillis())));
        ticks.setCycleCount(Timeline.INDEFINITE);
        ticks.play();
        roomList.setPlaceholder(new Label(Texts.get("lobby.noRooms")));
        setCenter(roomList);

        create.setId("create-room");
        create.getStyleClass().add(Styles.ACCENT);
        myFocus.setId("open-my-focus");
        myFocus.setTooltip(new Tooltip(Texts.get("lobby.myFocusTip")));
        Region footerGap = new Region();
        HBox.setHgrow(footerGap, Priority.ALWAYS);
        HBox footer = new HBox(8, create, footerGap, myFocus);
        footer.setPadding(new Insets(12, 0, 0, 0));
        setBottom(footer);
    }

    private void init() {
        server.setText(model.serverProperty().get());
        name.setText(model.nameProperty().get());
        model.nameProperty().addListener((obs, old, now) -> name.setText(now));
        model.serverProperty().addListener((obs, old, now) -> server.setText(now));
        roomList.setItems(model.rooms());
        notice.textProperty().bind(model.noticeProperty());
        noticeBox.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        noticeBox.managedProperty().bind(noticeBox.visibleProperty());
        retry.visibleProperty().bind(model.canRetryProperty());
        retry.managedProperty().bind(retry.visibleProperty());
        retry.setOnAction(e -> model.retry());
        connect.setOnAction(e -> model.connect(server.getText()));
        server.setOnAction(e -> model.connect(server.getText()));
        create.disableProperty().bind(model.onlineProperty().not());
        create.setOnAction(e -> openCreateDialog());
        settings.setOnAction(e -> openSettings.run());
        myFocus.setOnAction(e -> openMyFocus.run());
        model.onPasswordNeeded(this::askPassword);
        model.onJoinCodeNeeded(this::askJoinCode);
        roomList.setOnKeyPressed(e -> {
            Room selected = roomList.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null && model.onlineProperty().get()) {
                e.consume();
                join(selected);
            }
        });
        roomList.setOnMouseClicked(e -> {
            Room selected = roomList.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && selected != null && model.onlineProperty().get()) {
                join(selected);
            }
        });
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.getAccelerators().remove(NEW_ROOM);
            }
            if (scene != null) {
                scene.getAccelerators().put(NEW_ROOM, () -> {
                    if (!create.isDisabled()) {
                        openCreateDialog();
                    }
                });
                // The name is what a newcomer types first; the address is usually right already
                // and a focused, selected address is overwritten by the first key.
                Platform.runLater(() -> (name.getText().isBlank() ? name : roomList).requestFocus());
            }
        });
    }

    private void openCreateDialog() {
        CreateRoomDialog dialog = new CreateRoomDialog(getScene().getWindow());
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == ButtonType.OK) {
                model.createRoom(dialog.roomName(), dialog.capacity(), dialog.password(), dialog.quiet(),
                        dialog.longBreaks());
            }
        });
        dialog.show();
    }

    /** The owner's menu (right click) on a room we created on this server; none on others' rooms. */
    private ContextMenu ownerMenu(Room room) {
        RoomActions actions = model.ownerActions(room);
        if (actions == null) {
            return null;
        }
        ContextMenu menu = new ContextMenu();
        menu.setId("lobby-owner-menu");
        menu.getItems().setAll(OwnerMenus.roomItems(() -> getScene().getWindow(), actions));
        menu.setOnShowing(e -> actions.refresh());
        return menu;
    }

    private void join(Room room) {
        model.join(room, name.getText(), null);
    }

    private void askPassword(Room room, boolean retry) {
        PasswordDialog dialog = new PasswordDialog(getScene().getWindow(), room.name(), retry);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == ButtonType.OK) {
                model.join(room, name.getText(), dialog.password());
            }
        });
        dialog.show();
    }

    private void askJoinCode(String serverAddress, boolean wrong) {
        if (getScene() == null) {
            return; // not on screen yet: the notice's Retry asks again
        }
        JoinCodeDialog dialog = new JoinCodeDialog(getScene().getWindow(), serverAddress, wrong);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == ButtonType.OK) {
                model.submitJoinCode(dialog.code());
            }
        });
        dialog.show();
    }
}

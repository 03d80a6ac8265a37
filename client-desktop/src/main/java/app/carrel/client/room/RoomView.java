package app.carrel.client.room;

import app.carrel.client.i18n.Texts;
import app.carrel.client.chat.ChatView;
import app.carrel.client.owners.OwnerMenus;
import app.carrel.client.owners.RemoveParticipantDialog;
import app.carrel.client.timer.TimerView;
import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The room: header with name and timer, banners (phase over, notices), the video grid, the chat
 * panel on the right, controls below, and the help overlay. Shortcuts live while it is shown.
 */
public final class RoomView extends BorderPane {

    private final RoomModel model;
    private final CheckBox muteDuringFocus;
    // The page of tiles in view; the bar under it turns pages in a room too large for one.
    private final VideoGrid grid;
    private final HelpOverlay help;
    private final ChatView chat;
    private final Label title = new Label();
    // "N here": opens the participants panel.
    private final Button count = new Button();
    private final ParticipantsPanel people;
    private final HBox timerBanner = new HBox(10);
    private final Label timerBannerText = new Label();
    private final HBox noticeBar = new HBox(10);
    private final HBox muteRequestBar = new HBox(10);
    private final Label muteRequestText = new Label();
    private final MenuButton roomMenu = new MenuButton(Texts.get("room.menu"));
    private final Label noticeText = new Label();
    private final Timeline statsPoll;
    private final Runnable openSettings;
    private final DevicesModel devices;
    private DevicesDialog devicesDialog;
    private Shortcuts shortcuts;

    /**
     * {@code openLink} opens a chat link in the person's browser; {@code openSettings} the settings;
     * {@code devices} are the camera and sound choices of this call.
     */
    public RoomView(RoomModel model, DevicesModel devices, CheckBox muteDuringFocus, Consumer<String> openLink,
                    Runnable openSettings) {
        this.model = model;
        this.devices = devices;
        this.muteDuringFocus = muteDuringFocus;
        this.openSettings = openSettings;
        this.grid = new VideoGrid(model.pages().shown(), model.stagedProperty(), model::togglePin, model.pages()::resized);
        this.help = new HelpOverlay(model);
        this.chat = new ChatView(model.chat(), openLink);
        this.people = new ParticipantsPanel(model, this::editGoal);
        this.statsPoll = new Timeline(new KeyFrame(Duration.seconds(2), e -> model.refreshStats()));
        createView();
        init();
    }

    private void createView() {
        setId("room-view");
        getStylesheets().add(RoomView.class.getResource("room.css").toExternalForm());
        title.setId("room-title");
        title.getStyleClass().add(Styles.TITLE_3);
        count.setId("room-count");
        count.setGraphic(new FontIcon(Material2MZ.PEOPLE));
        count.getStyleClass().addAll(Styles.FLAT, Styles.TEXT_MUTED);
        count.setTooltip(new Tooltip(Texts.get("people.openTip")));
        count.setFocusTraversable(false);
        // In a narrow window the room's name gives way (cut, whole in its tooltip); the count
        // and the timer never do.
        count.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(40);
        Tooltip titleTip = new Tooltip();
        titleTip.textProperty().bind(title.textProperty());
        title.setTooltip(titleTip);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        roomMenu.setId("room-menu");
        roomMenu.setGraphic(new FontIcon(Material2MZ.SETTINGS));
        roomMenu.getStyleClass().add(Styles.FLAT);
        roomMenu.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(12, title, roomMenu, count, spacer, new TimerView(model.timer(), muteDuringFocus));
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 12, 8, 12));

        timerBanner.setId("timer-banner");
        timerBannerText.setId("timer-banner-text");
        timerBannerText.getStyleClass().add(Styles.TEXT_BOLD);
        Button dismissTimer = new Button(null, new FontIcon(Material2AL.CLOSE));
        dismissTimer.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        dismissTimer.setOnAction(e -> model.timer().dismissBanner());
        timerBanner.getChildren().addAll(new FontIcon(Material2MZ.NOTIFICATIONS_ACTIVE), timerBannerText, dismissTimer);
        timerBanner.getStyleClass().add("timer-banner");

        noticeBar.setId("room-notice");
        noticeText.setId("room-notice-text");
        noticeText.setWrapText(true);
        Button dismissNotice = new Button(null, new FontIcon(Material2AL.CLOSE));
        dismissNotice.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        dismissNotice.setOnAction(e -> model.dismissNotice());
        noticeBar.getChildren().addAll(new FontIcon(Material2MZ.WARNING), noticeText, dismissNotice);
        noticeBar.getStyleClass().add("room-notice");
        muteRequestBar.setId("mute-request");
        muteRequestText.setId("mute-request-text");
        muteRequestText.getStyleClass().add(Styles.TEXT_BOLD);
        Button muteNow = new Button(Texts.get("room.muteNow"), new FontIcon(Material2MZ.MIC_OFF));
        muteNow.setId("mute-request-mute");
        muteNow.setOnAction(e -> model.muteOnRequest());
        Button dismissMute = new Button(null, new FontIcon(Material2AL.CLOSE));
        dismissMute.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        dismissMute.setOnAction(e -> model.dismissMuteRequest());
        muteRequestBar.getChildren().addAll(new FontIcon(Material2MZ.RECORD_VOICE_OVER), muteRequestText, muteNow,
                dismissMute);
        muteRequestBar.getStyleClass().add("room-notice");
        for (HBox bar : new HBox[] {timerBanner, noticeBar, muteRequestBar}) {
            bar.setAlignment(Pos.CENTER_LEFT);
            bar.setPadding(new Insets(6, 12, 6, 12));
        }
        setTop(new VBox(header, timerBanner, new CheckInPrompt(model.study()), noticeBar, muteRequestBar));

        grid.setPadding(new Insets(8));
        grid.getStyleClass().add("video-stage");
        VBox.setVgrow(grid, Priority.ALWAYS);
        setCenter(new StackPane(new VBox(grid, new PageBar(model.pages())), help));
        chat.setPrefWidth(300);
        chat.setMinWidth(240);
        setBottom(new ControlsBar(model, openSettings, this::openDevices));
    }

    private void init() {
        title.textProperty().bind(model.roomNameProperty());
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Texts.get("room.count", model.participants().size()), model.participants()));
        timerBannerText.textProperty().bind(model.timer().bannerProperty());
        timerBanner.visibleProperty().bind(model.timer().bannerProperty().isNotEmpty());
        timerBanner.managedProperty().bind(timerBanner.visibleProperty());
        noticeText.textProperty().bind(model.noticeProperty());
        noticeBar.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        noticeBar.managedProperty().bind(noticeBar.visibleProperty());
        help.visibleProperty().bind(model.helpShownProperty());
        // Hidden, the help must not count in the layout: its wrapped lines made the grid's column
        // so tall in a narrow centre (the participants panel and the chat both open) that the
        // window pushed the controls bar out of sight.
        help.managedProperty().bind(help.visibleProperty());
        muteRequestText.textProperty().bind(model.muteRequestProperty());
        muteRequestBar.visibleProperty().bind(model.muteRequestProperty().isNotEmpty());
        muteRequestBar.managedProperty().bind(muteRequestBar.visibleProperty());
        showOwnerMenu(model.ownerProperty().get());
        model.ownerProperty().addListener((obs, old, owner) -> showOwnerMenu(owner));
        grid.tileMenu(this::tileMenu);
        count.setOnAction(e -> model.toggleParticipants());
        model.chat().openProperty().addListener((obs, old, open) -> showSidePanels());
        model.participantsOpenProperty().addListener((obs, old, open) -> showSidePanels());
        showSidePanels();
        statsPoll.setCycleCount(Timeline.INDEFINITE);
        statsPoll.play();
        sceneProperty().addListener((obs, old, scene) -> {
            if (shortcuts != null) {
                shortcuts.uninstall();
                shortcuts = null;
            }
            if (scene != null) {
                shortcuts = Shortcuts.install(scene, model);
            }
        });
    }

    /** The participants panel and the chat on the right, each when open, side by side. */
    private void showSidePanels() {
        boolean peopleOpen = model.participantsOpenProperty().get();
        boolean chatOpen = model.chat().openProperty().get();
        people.setVisible(peopleOpen);
        if (!peopleOpen && !chatOpen) {
            setRight(null);
            return;
        }
        HBox side = new HBox();
        // Both open in a narrow window: together they take at most 60% of it and give way down to
        // their minimum widths, so the tiles keep a column and nothing is pushed out of the window.
        side.maxWidthProperty().bind(widthProperty().multiply(0.6));
        side.setMinWidth(0);
        if (peopleOpen) {
            side.getChildren().add(people);
        }
        if (chatOpen) {
            side.getChildren().add(chat);
        }
        setRight(side);
    }

    /** Our goal, changed in the room: a small dialog; the others see the change at once. */
    private void editGoal() {
        GoalDialog.open(getScene().getWindow(), model.self().goalProperty().get(), model::setGoal);
    }

    /** The room's menu in the header, for its owner only. */
    private void showOwnerMenu(RoomOwner owner) {
        roomMenu.setVisible(owner != null);
        roomMenu.setManaged(owner != null);
        if (owner != null) {
            roomMenu.getItems().setAll(OwnerMenus.roomItems(() -> getScene().getWindow(), owner));
            roomMenu.setOnShowing(e -> owner.refresh());
        }
    }

    /**
     * A participant's tile: Hide video for anyone (here only), and for the room's owner Remove…
     * and Ask to mute. Our own tile offers to change our goal.
     */
    private ContextMenu tileMenu(Participant p) {
        if (p.self()) {
            MenuItem goal = new MenuItem(Texts.get("goal.edit"));
            goal.setId("tile-edit-goal");
            goal.setOnAction(e -> editGoal());
            ContextMenu menu = new ContextMenu(goal);
            menu.setId("tile-menu");
            return menu;
        }
        MenuItem hide = new MenuItem(Texts.get(p.videoHiddenProperty().get() ? "tile.showVideo" : "tile.hideVideo"));
        hide.setId("tile-hide-video");
        hide.setOnAction(e -> p.toggleVideoHidden());
        ContextMenu menu = new ContextMenu(hide);
        menu.setId("tile-menu");
        RoomOwner owner = model.ownerProperty().get();
        if (owner != null) {
            MenuItem askMute = new MenuItem(Texts.get("owner.askMute"));
            askMute.setId("tile-ask-mute");
            askMute.setOnAction(e -> owner.askMute(p));
            MenuItem remove = new MenuItem(Texts.get("owner.remove"));
            remove.setId("tile-remove");
            remove.setOnAction(e -> RemoveParticipantDialog.open(getScene().getWindow(), p.name(),
                    minutes -> owner.remove(p, minutes)));
            menu.getItems().addAll(new SeparatorMenuItem(), askMute, remove);
        }
        return menu;
    }

    /** One "Camera and sound" window at a time: a second click brings it to the front. */
    private void openDevices() {
        if (devicesDialog != null && devicesDialog.isShowing()) {
            devicesDialog.getDialogPane().getScene().getWindow().requestFocus();
            return;
        }
        devicesDialog = new DevicesDialog(getScene().getWindow(), devices);
        devicesDialog.show();
    }

    /** Stops polling and removes the shortcuts; the view is gone for good. */
    public void dispose() {
        if (devicesDialog != null) {
            devicesDialog.close();
            devicesDialog = null;
        }
        statsPoll.stop();
        people.dispose();
        model.timer().stop();
        if (shortcuts != null) {
            shortcuts.uninstall();
            shortcuts = null;
        }
    }
}

package app.carrel.client.room;

import app.carrel.client.i18n.Texts;
import app.carrel.client.window.LeaveConfirmation;
import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Microphone (with a "No microphone" warning beside it when there is none), camera, screen
 * share, chat (with unread badge), help, leave.
 */
final class ControlsBar extends HBox {

    private final RoomModel model;
    private final Button mic = new Button();
    private final Button camera = new Button();
    private final Button screen = new Button();
    private final Button chat = new Button(null, new FontIcon(Material2AL.CHAT));
    private final Label unread = new Label();
    private final Button help = new Button(null, new FontIcon(Material2AL.HELP_OUTLINE));
    private final Button settings = new Button(null, new FontIcon(Material2MZ.SETTINGS));
    private final Button devices = new Button(null, new FontIcon(Material2MZ.VIDEO_SETTINGS));
    private final Runnable openSettings;
    private final Runnable openDevices;
    private final Button leave = new Button(Texts.get("room.leave"), new FontIcon(Material2AL.CALL_END));
    private final Label noMicrophone = new Label(Texts.get("room.noMicrophone"), new FontIcon(Material2MZ.MIC_OFF));
    // In a quiet room the microphone button gives way to this sign: a switch that can only be
    // refused would be a dead button.
    private final Label quiet = new Label(Texts.get("room.quiet"), new FontIcon(Material2MZ.VOLUME_OFF));

    ControlsBar(RoomModel model, Runnable openSettings, Runnable openDevices) {
        this.model = model;
        this.openSettings = openSettings;
        this.openDevices = openDevices;
        createView();
        init();
    }

    private void createView() {
        setId("room-controls");
        setSpacing(10);
        setAlignment(Pos.CENTER);
        setPadding(new Insets(10));
        for (Button b : new Button[] {mic, camera, screen, devices, chat, help, settings}) {
            b.getStyleClass().addAll(Styles.BUTTON_CIRCLE, Styles.LARGE);
            b.setFocusTraversable(false);
        }
        mic.setId("toggle-mic");
        camera.setId("toggle-camera");
        screen.setId("toggle-screen");
        chat.setId("toggle-chat");
        help.setId("show-help");
        help.setTooltip(new Tooltip(Texts.get("room.helpTip")));
        devices.setId("room-devices");
        devices.setTooltip(new Tooltip(Texts.get("room.devicesTip")));
        settings.setId("room-settings");
        settings.setTooltip(new Tooltip(Texts.get("room.settingsTip")));
        chat.setTooltip(new Tooltip(Texts.get("room.chatTip")));
        leave.setId("leave");
        leave.getStyleClass().add(Styles.DANGER);
        leave.setFocusTraversable(false);
        leave.setMinWidth(Region.USE_PREF_SIZE); // never "…": the way out stays readable
        unread.setId("chat-unread");
        unread.getStyleClass().add("unread-badge");
        unread.setMouseTransparent(true);
        StackPane chatWithBadge = new StackPane(chat, unread);
        StackPane.setAlignment(unread, Pos.TOP_RIGHT);
        noMicrophone.setId("no-microphone");
        noMicrophone.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
        noMicrophone.setTooltip(new Tooltip(Texts.get("room.noMicrophoneTip")));
        // In a quiet room the quiet sign says all there is to say about microphones.
        noMicrophone.visibleProperty().bind(model.quietProperty().not().and(
                javafx.beans.binding.Bindings.createBooleanBinding(() -> !model.hasMicrophone())));
        noMicrophone.managedProperty().bind(noMicrophone.visibleProperty());
        quiet.setId("quiet-room");
        quiet.getStyleClass().addAll("quiet-room-sign", Styles.TEXT_SMALL);
        quiet.setTooltip(new Tooltip(Texts.get("room.quietTip")));
        getChildren().addAll(noMicrophone, quiet, mic, camera, devices, screen, chatWithBadge, help, settings, leave);
    }

    private void init() {
        quiet.visibleProperty().bind(model.quietProperty());
        quiet.managedProperty().bind(model.quietProperty());
        mic.visibleProperty().bind(model.quietProperty().not());
        mic.managedProperty().bind(model.quietProperty().not());
        // Tooltips say what a click will do, in the state the button is in now.
        bind(mic, model.controls().microphoneOnProperty(), Material2MZ.MIC, Material2MZ.MIC_OFF,
                Texts.get("room.mute"), Texts.get("room.unmute"));
        bind(camera, model.controls().cameraOnProperty(), Material2MZ.VIDEOCAM, Material2MZ.VIDEOCAM_OFF,
                Texts.get("room.cameraOff"), Texts.get("room.cameraOn"));
        bind(screen, model.controls().screenOnProperty(), Material2MZ.STOP_SCREEN_SHARE, Material2MZ.SCREEN_SHARE,
                Texts.get("room.shareStop"), Texts.get("room.shareStart"));
        mic.setOnAction(e -> model.controls().toggleMicrophone());
        camera.setOnAction(e -> model.controls().toggleCamera());
        screen.setOnAction(e -> model.controls().toggleScreenShare());
        chat.setOnAction(e -> model.chat().toggleOpen());
        help.setOnAction(e -> model.toggleHelp());
        settings.setOnAction(e -> openSettings.run());
        devices.setOnAction(e -> openDevices.run());
        // Where people look for it in other call apps: a right click on the camera or microphone.
        for (Button b : new Button[] {mic, camera}) {
            MenuItem item = new MenuItem(Texts.get("room.devicesMenu"));
            item.setOnAction(e -> openDevices.run());
            b.setContextMenu(new ContextMenu(item));
        }
        leave.setOnAction(e -> {
            if (LeaveConfirmation.confirm(getScene().getWindow(), Texts.get("room.leaveTitle"),
                    Texts.get("room.leaveText", model.roomNameProperty().get()), Texts.get("room.leave"))) {
                model.leave();
            }
        });
        unread.textProperty().bind(model.chat().unreadProperty().asString());
        unread.visibleProperty().bind(model.chat().unreadProperty().greaterThan(0));
    }

    private static void bind(Button button, ObservableBooleanValue on, Ikon onIcon, Ikon offIcon,
                             String tipWhenOn, String tipWhenOff) {
        Tooltip tooltip = new Tooltip();
        button.setTooltip(tooltip);
        Runnable render = () -> {
            boolean value = on.get();
            tooltip.setText(value ? tipWhenOn : tipWhenOff);
            button.setGraphic(new FontIcon(value ? onIcon : offIcon));
            button.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("off"), !value);
            if (button.getId().equals("toggle-screen")) {
                button.getStyleClass().remove(Styles.DANGER);
            } else if (!value) {
                button.getStyleClass().add(Styles.DANGER);
            } else {
                button.getStyleClass().remove(Styles.DANGER);
            }
        };
        on.addListener((obs, old, now) -> render.run());
        render.run();
    }
}

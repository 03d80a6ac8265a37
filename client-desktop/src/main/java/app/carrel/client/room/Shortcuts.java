package app.carrel.client.room;

import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The room's keys: M microphone, V camera, S screen share, Space push-to-talk, Page Up / Page
 * Down turn the page of tiles, ? help, Esc closes help or the participants panel. Filters on the scene so they work wherever focus is, except while typing (a
 * chat message with an "m" in it must not mute anyone). Space is consumed so it never also
 * presses a focused button.
 */
final class Shortcuts {

    private final Scene scene;
    private final EventHandler<KeyEvent> pressed;
    private final EventHandler<KeyEvent> released;
    private final EventHandler<KeyEvent> typed;

    private Shortcuts(Scene scene, RoomModel model) {
        this.scene = scene;
        pressed = e -> {
            if (typing(e)) {
                return;
            }
            switch (e.getCode()) {
                case M -> model.controls().toggleMicrophone();
                case V -> model.controls().toggleCamera();
                case S -> model.controls().toggleScreenShare();
                case SPACE -> model.controls().pushToTalk(true);
                case PAGE_UP, PAGE_DOWN -> {
                    if (e.getTarget() instanceof ListView<?>) {
                        return; // the chat's own list pages through its lines
                    }
                    if (e.getCode() == KeyCode.PAGE_UP) {
                        model.pages().previous();
                    } else {
                        model.pages().next();
                    }
                }
                case ESCAPE -> {
                    // One press closes one thing: the check-in bar when it has the focus (its own
                    // Esc skips it), else the help over the grid, then the participants panel.
                    if (inCheckIn(e)) {
                        return;
                    }
                    if (model.helpShownProperty().get()) {
                        model.hideHelp();
                    } else if (model.participantsOpenProperty().get()) {
                        model.closeParticipants();
                    } else {
                        return;
                    }
                }
                default -> {
                    return;
                }
            }
            e.consume();
        };
        released = e -> {
            // Key up always mutes again, even if focus moved into a text field meanwhile.
            if (e.getCode() == KeyCode.SPACE && model.controls().pushToTalkProperty().get()) {
                model.controls().pushToTalk(false);
                e.consume();
            }
        };
        typed = e -> {
            if (!typing(e) && "?".equals(e.getCharacter())) {
                model.toggleHelp();
                e.consume();
            }
        };
    }

    static Shortcuts install(Scene scene, RoomModel model) {
        Shortcuts s = new Shortcuts(scene, model);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, s.pressed);
        scene.addEventFilter(KeyEvent.KEY_RELEASED, s.released);
        scene.addEventFilter(KeyEvent.KEY_TYPED, s.typed);
        return s;
    }

    void uninstall() {
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, pressed);
        scene.removeEventFilter(KeyEvent.KEY_RELEASED, released);
        scene.removeEventFilter(KeyEvent.KEY_TYPED, typed);
    }

    private static boolean inCheckIn(KeyEvent e) {
        for (Object n = e.getTarget(); n instanceof javafx.scene.Node node; n = node.getParent()) {
            if ("check-in-prompt".equals(node.getId())) {
                return true;
            }
        }
        return false;
    }

    private static boolean typing(KeyEvent e) {
        return e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown();
    }
}

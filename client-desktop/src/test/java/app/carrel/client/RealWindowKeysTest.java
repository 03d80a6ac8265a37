package app.carrel.client;

import static app.carrel.client.WindowDriver.onFx;
import static app.carrel.client.WindowDriver.waitFor;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/**
 * Enter and Escape in the app's dialogs, pressed through the X server into a real GTK window:
 * closing a dialog inside the key event crashed the JVM in the GTK glass (every time on a bare
 * display), which no Monocle test could see. Run twice by the build: under openbox and bare.
 */
class RealWindowKeysTest extends RealWindow {

    @Test
    void enterInTheNewRoomDialogCreatesTheRoomAndTheAppLivesOn() throws Exception {
        // Opened with the mouse and a name typed straight in, as the report did: with the
        // name field taking the first keys through GTK's input-method filter, Enter crashed
        // every time on a bare display (opened with Ctrl+N, or after a refused Enter, it did not).
        XInput.click(robot.lookup("#create-room").query());
        waitFor("the New room dialog's name field to have the caret", () -> focused("#create-room-name"));
        XInput.type("Linear Algebra");
        waitFor("the name typed", () -> ui.text("#create-room-name").equals("Linear Algebra"));
        XInput.key("Return");
        waitFor("the new room in the list", () -> ui.lobbyRoomNames().contains("Linear Algebra"));
        assertFalse(onFx(() -> robot.lookup("#create-room-name").tryQuery().isPresent()), "the dialog closed");

        XInput.key("ctrl+n"); // Ctrl+N opens it too; Enter without a name says why and stays
        waitFor("the New room dialog again, the caret in its name", () -> focused("#create-room-name"));
        XInput.key("Return");
        waitFor("the empty-name error", () -> robot.lookup("#create-room-error").tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false));
        XInput.type("Never made"); // and Escape leaves without creating anything
        XInput.key("Escape");
        waitFor("the dialog to close", () -> robot.lookup("#create-room-name").tryQuery().isEmpty());
        assertFalse(onFx(() -> ui.lobbyRoomNames().contains("Never made")));
    }

    @Test
    void namesInOtherScriptsAreTypedThroughTheWindow() throws Exception {
        XInput.click(robot.lookup("#display-name").query());
        XInput.type("강용민");
        waitFor("the Korean name typed", () -> ui.text("#display-name").equals("강용민"));
        XInput.click(robot.lookup("#create-room").query());
        waitFor("the New room dialog's name field to have the caret", () -> focused("#create-room-name"));
        XInput.type("알고리즘 스터디");
        waitFor("the Korean room name typed", () -> ui.text("#create-room-name").equals("알고리즘 스터디"));
        XInput.key("Return");
        waitFor("the Korean room in the list", () -> ui.lobbyRoomNames().contains("알고리즘 스터디"));
    }

    private boolean focused(String query) {
        return robot.lookup(query).tryQuery().map(javafx.scene.Node::isFocused).orElse(false);
    }
}

package app.carrel.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;

/**
 * Key presses and clicks as a person makes them: xdotool sends them through the X server
 * (XTEST), so they reach the app through GTK and the glass event path, where the Enter crash
 * lived (TestFX's glass robot clicks did not bring it out).
 */
final class XInput {

    private XInput() {
    }

    /** {@code keys} in xdotool's names: "Return", "Escape", "ctrl+n", "Tab". */
    static void key(String... keys) throws Exception {
        List<String> command = new ArrayList<>(List.of("xdotool", "key", "--clearmodifiers", "--delay", "40"));
        command.addAll(List.of(keys));
        run(command);
    }

    /** Moves the pointer to the middle of {@code node} on screen and clicks the left button. */
    static void click(Node node) throws Exception {
        Bounds bounds = WindowDriver.onFx(() -> node.localToScreen(node.getBoundsInLocal()));
        run(List.of("xdotool", "mousemove", "--sync", String.valueOf((int) bounds.getCenterX()),
                String.valueOf((int) bounds.getCenterY()), "click", "1"));
    }

    /** The inside of the top-level window titled {@code title} as the X server has it: {width, height}. */
    static int[] windowSize(String title) throws Exception {
        String out = run(List.of("xdotool", "search", "--onlyvisible", "--name", "^" + title + "$", "getwindowgeometry"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Geometry: (\\d+)x(\\d+)").matcher(out);
        if (!m.find()) {
            throw new AssertionError("No window called " + title + ": " + out);
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /** Types text as keystrokes (any script: xdotool maps missing keysyms on the fly). */
    static void type(String text) throws Exception {
        run(List.of("xdotool", "type", "--delay", "30", "--", text));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("xdotool did not finish: " + command);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError("xdotool failed (" + process.exitValue() + "): " + command + "\n" + output);
        }
        return output;
    }
}

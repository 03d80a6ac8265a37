package app.carrel.client.room;

import java.util.HashMap;
import java.util.Map;

/**
 * Who "the speaker" is, from the audio levels the engine reports: the loudest of those speaking
 * when the last speaker falls silent. The speaker holds while still speaking, and stays the
 * speaker through silence until someone else speaks: with two people talking at once the page
 * would otherwise swap tiles at every report (about five a second), and the border would blink
 * between words. Plain Java; its owner (TilePages) keeps it on the FX thread.
 */
final class LoudestSpeaker {

    private final double speakingLevel;
    private final Map<String, Double> levels = new HashMap<>();
    private String current;

    /** {@code speakingLevel}: above it someone counts as speaking. */
    LoudestSpeaker(double speakingLevel) {
        this.speakingLevel = speakingLevel;
    }

    /** The speaker after this report (null: nobody has spoken yet). */
    String heard(String id, double level) {
        levels.put(id, level);
        if (current != null && speaking(current)) {
            return current;
        }
        String loudest = null;
        for (Map.Entry<String, Double> e : levels.entrySet()) {
            if (e.getValue() > speakingLevel && (loudest == null || e.getValue() > levels.get(loudest))) {
                loudest = e.getKey();
            }
        }
        if (loudest != null) {
            current = loudest;
        }
        return current;
    }

    /** The speaker after {@code id} left (null when it was them). */
    String left(String id) {
        levels.remove(id);
        if (id.equals(current)) {
            current = null;
        }
        return current;
    }

    String current() {
        return current;
    }

    private boolean speaking(String id) {
        return levels.getOrDefault(id, 0.0) > speakingLevel;
    }
}

package app.carrel.client.history;

/**
 * How a focus phase went, as the person said at its end: a result and an optional private note
 * (kept on this computer only; what others see of a check-in is the room's business).
 */
public record CheckIn(Result result, String note) {

    public enum Result {
        DONE, PARTLY, NOT_YET;

        /** The word stored in the history file and written to the CSV: stable across languages. */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        static Result fromWire(String wire) {
            for (Result r : values()) {
                if (r.wire().equals(wire)) {
                    return r;
                }
            }
            return null;
        }
    }

    public CheckIn {
        if (result == null) {
            throw new IllegalArgumentException("a check-in has a result");
        }
        note = note == null ? "" : note.strip();
    }
}

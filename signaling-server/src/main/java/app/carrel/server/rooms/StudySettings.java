package app.carrel.server.rooms;

/**
 * A room's study settings, fixed at {@code create-room}: {@code quiet} keeps every microphone off
 * (enforced on the media, docs/protocol.md §13); {@code longBreakEvery} focus phases (0: never)
 * earn a long break of {@code longBreakSeconds}.
 */
public record StudySettings(boolean quiet, int longBreakEvery, int longBreakSeconds) {

    /** A room without study settings: microphones allowed, no long breaks. */
    public static final StudySettings NONE = new StudySettings(false, 0, 0);

    public boolean longBreaks() {
        return longBreakEvery > 0;
    }
}

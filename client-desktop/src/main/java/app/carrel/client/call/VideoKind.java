package app.carrel.client.call;

/** Which of a participant's videos a frame belongs to. Tracks are labelled with the wire name. */
public enum VideoKind {
    CAMERA("camera"),
    SCREEN("screen");

    private final String label;

    VideoKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

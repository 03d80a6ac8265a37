package app.carrel.protocol;

import com.fasterxml.jackson.annotation.JsonValue;

/** What one stream of a hall subscription carries. */
public enum StreamKind {
    AUDIO("audio"),
    CAMERA("camera"),
    SCREEN("screen");

    private final String wire;

    StreamKind(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}

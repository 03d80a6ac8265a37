package app.carrel.protocol;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which of a hall participant's two peer connections an {@code sfu-ice} candidate belongs to. */
public enum SfuPc {
    PUBLISHER("publisher"),
    SUBSCRIBER("subscriber");

    private final String wire;

    SfuPc(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}

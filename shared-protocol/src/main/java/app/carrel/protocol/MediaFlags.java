package app.carrel.protocol;

/** What a participant is sending: microphone, camera, screen. */
public record MediaFlags(boolean audio, boolean video, boolean screen) {

    /** A joiner's flags when its {@code join} names none. */
    public static final MediaFlags JOIN_DEFAULT = new MediaFlags(true, true, false);

    /** Applies a partial update; a {@code null} flag keeps its current value. */
    public MediaFlags with(Boolean audio, Boolean video, Boolean screen) {
        return new MediaFlags(
                audio != null ? audio : this.audio,
                video != null ? video : this.video,
                screen != null ? screen : this.screen);
    }
}

package app.carrel.client.media;

/**
 * Which audio device module the media factory runs on, and why, so the UI can tell the user
 * that nobody will hear them when it fell back to the headless module.
 */
public record AudioBackend(Kind kind, String reason) {

    public enum Kind {
        /** The platform module (PulseAudio on Linux): a real microphone and speaker. */
        DEVICE,
        /** No audio server answered: silence out, remote audio decoded and dropped. */
        HEADLESS
    }

    public boolean headless() {
        return kind == Kind.HEADLESS;
    }
}

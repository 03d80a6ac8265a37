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
        HEADLESS,
        /**
         * Asked for (a bot's {@code --tone}, tests): a {@link SyntheticMicrophone} sends a tone; no
         * device is touched and incoming audio is neither played out nor metered, since the audio
         * module must not run (see SyntheticMicrophone).
         */
        SYNTHETIC
    }

    public static AudioBackend synthetic(String reason) {
        return new AudioBackend(Kind.SYNTHETIC, reason);
    }

    /** True when no audio device is used: nothing to list, nobody hears the room. */
    public boolean headless() {
        return kind != Kind.DEVICE;
    }

    public boolean synthetic() {
        return kind == Kind.SYNTHETIC;
    }

    /**
     * False for the headless module: it has no microphone, and what it "records" is the mix it
     * would play out (webrtc-java 0.14 pulls playout data on its capture thread), so sending it
     * would echo the room back. Such a participant sends silence; see LocalMedia.
     */
    public boolean capturesSound() {
        return kind != Kind.HEADLESS;
    }
}

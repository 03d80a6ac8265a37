package app.carrel.protocol;

/** Another participant in the room, with its media flags. */
public record Peer(String id, String name, boolean audio, boolean video, boolean screen) {

    public Peer withMedia(MediaFlags flags) {
        return new Peer(id, name, flags.audio(), flags.video(), flags.screen());
    }

    public MediaFlags media() {
        return new MediaFlags(audio, video, screen);
    }
}

package app.carrel.client.room;

import app.carrel.protocol.CheckInResult;
import app.carrel.protocol.Presence;

import app.carrel.client.call.ConnectionState;
import app.carrel.client.i18n.Texts;
import app.carrel.client.text.Graphemes;
import app.carrel.client.video.VideoFeed;
import app.carrel.protocol.MediaFlags;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One person in the room as a tile shows them: name, media flags, speaking, connection quality.
 * The video feeds are filled by decoder threads; everything else is FX-thread state.
 */
public final class Participant {

    private final String id;
    private final String name;
    private final boolean self;
    private final VideoFeed camera = new VideoFeed();
    private final VideoFeed screen = new VideoFeed();
    private final ReadOnlyObjectWrapper<MediaFlags> media;
    private final ReadOnlyBooleanWrapper speaking = new ReadOnlyBooleanWrapper(this, "speaking");
    private final ReadOnlyBooleanWrapper speaker = new ReadOnlyBooleanWrapper(this, "speaker");
    private final ReadOnlyObjectWrapper<Quality> quality = new ReadOnlyObjectWrapper<>(this, "quality", Quality.UNKNOWN);
    private final ReadOnlyStringWrapper stats = new ReadOnlyStringWrapper(this, "stats", Texts.get("room.noStats"));
    private final ReadOnlyBooleanWrapper selfViewMirrored = new ReadOnlyBooleanWrapper(this, "selfViewMirrored", true);
    /** "Hide video": this person chose not to see this participant's video; nobody else is told. */
    private final ReadOnlyBooleanWrapper videoHidden = new ReadOnlyBooleanWrapper(this, "videoHidden");
    /** What they work on, as they declared it ("" for none); docs/protocol.md §13. */
    private final ReadOnlyStringWrapper goal = new ReadOnlyStringWrapper(this, "goal", "");
    private final ReadOnlyObjectWrapper<Presence> presence = new ReadOnlyObjectWrapper<>(this, "presence", Presence.FOCUS);
    /** Their shared check-in for the last focus phase; null when none (or not shared). */
    private final ReadOnlyObjectWrapper<CheckInResult> checkIn = new ReadOnlyObjectWrapper<>(this, "checkIn");
    /** When they were seated (epoch ms, the server's clock); 0 when unknown (a v1 server). */
    private long since;

    public Participant(String id, String name, boolean self, MediaFlags media) {
        this.id = id;
        this.name = name;
        this.self = self;
        this.media = new ReadOnlyObjectWrapper<>(this, "media", media);
    }

    public ReadOnlyBooleanProperty videoHiddenProperty() {
        return videoHidden.getReadOnlyProperty();
    }

    public void toggleVideoHidden() {
        videoHidden.set(!videoHidden.get());
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean self() {
        return self;
    }

    /** Our own camera is shown as in a mirror, unless it is the synthetic one (its name would read backwards). */
    public boolean mirrored() {
        return self && selfViewMirrored.get();
    }

    /** Changes when we switch between a real camera and the synthetic one in the call; see {@link #mirrored()}. */
    public ReadOnlyBooleanProperty selfViewMirroredProperty() {
        return selfViewMirrored.getReadOnlyProperty();
    }

    public VideoFeed camera() {
        return camera;
    }

    public VideoFeed screen() {
        return screen;
    }

    /**
     * The first letters of the first two words, for a tile whose camera is off: whole graphemes
     * (a skin-toned emoji, an accented letter), never the first half of one.
     */
    public String initials() {
        StringBuilder letters = new StringBuilder();
        int count = 0;
        for (String word : name.strip().split("\\s+")) {
            if (!word.isEmpty() && count < 2) {
                letters.append(Graphemes.first(word));
                count++;
            }
        }
        return letters.toString().toUpperCase();
    }

    public ReadOnlyObjectProperty<MediaFlags> mediaProperty() {
        return media.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty speakingProperty() {
        return speaking.getReadOnlyProperty();
    }

    /** The room's speaker (the loudest, held until someone else speaks); see LoudestSpeaker. */
    public ReadOnlyBooleanProperty speakerProperty() {
        return speaker.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Quality> qualityProperty() {
        return quality.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty goalProperty() {
        return goal.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Presence> presenceProperty() {
        return presence.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CheckInResult> checkInProperty() {
        return checkIn.getReadOnlyProperty();
    }

    public long since() {
        return since;
    }

    void setGoal(String text) {
        goal.set(text == null ? "" : text);
    }

    void setPresence(Presence p) {
        presence.set(p == null ? Presence.FOCUS : p);
    }

    void setCheckIn(CheckInResult result) {
        checkIn.set(result);
    }

    void setSince(long epochMillis) {
        since = epochMillis;
    }

    void setSelfViewMirrored(boolean mirrored) {
        selfViewMirrored.set(mirrored);
    }

    void setMedia(MediaFlags flags) {
        media.set(flags);
    }

    void setSpeaking(boolean on) {
        speaking.set(on);
    }

    void setSpeaker(boolean on) {
        speaker.set(on);
    }

    void setConnection(ConnectionState state) {
        if (state.broken()) {
            quality.set(Quality.POOR);
        }
    }

    void setQuality(Quality q, String text) {
        quality.set(q);
        stats.set(text);
    }
}

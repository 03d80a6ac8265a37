package app.carrel.server.rooms;

import app.carrel.protocol.CheckInResult;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.Peer;
import app.carrel.protocol.Presence;
import app.carrel.protocol.Self;
import java.util.ArrayDeque;

/**
 * A seated participant: connected, or in its resume grace period ({@code connection == null}).
 * Owned by the rooms thread; only {@code seating/} changes who sits where and with which token.
 */
public final class Participant {
    /** Relay messages kept for a participant in its grace period; beyond it the newest drop. */
    public static final int MAX_QUEUED = 256;

    private final String id;
    private final String name;
    private final LiveRoom room;
    private MediaFlags media;
    private Connection connection;
    private String resumeHash;
    private final ArrayDeque<String> queued = new ArrayDeque<>();
    /** Bumped whenever a grace period starts or ends, so a stale expiry task knows it is stale. */
    private int graceEpoch;
    /** Epoch ms it took its seat; kept across resumes and restarts. */
    private final long since;
    /** Study features ({@code study/} changes them): null goal and check-in mean none. */
    private String goal;
    private Presence presence = Presence.FOCUS;
    private CheckInResult checkIn;

    public Participant(String id, String name, LiveRoom room, MediaFlags media, String resumeHash) {
        this(id, name, room, media, resumeHash, 0);
    }

    public Participant(String id, String name, LiveRoom room, MediaFlags media, String resumeHash, long since) {
        this.since = since;
        this.id = id;
        this.name = name;
        this.room = room;
        this.media = media;
        this.resumeHash = resumeHash;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public LiveRoom room() {
        return room;
    }

    public MediaFlags media() {
        return media;
    }

    public void media(MediaFlags media) {
        this.media = media;
    }

    public Connection connection() {
        return connection;
    }

    public void connection(Connection connection) {
        this.connection = connection;
    }

    public String resumeHash() {
        return resumeHash;
    }

    void resumeHash(String hash) {
        this.resumeHash = hash;
    }

    public long since() {
        return since;
    }

    public String goal() {
        return goal;
    }

    public void goal(String goal) {
        this.goal = goal;
    }

    public Presence presence() {
        return presence;
    }

    public void presence(Presence presence) {
        this.presence = presence;
    }

    public CheckInResult checkIn() {
        return checkIn;
    }

    public void checkIn(CheckInResult checkIn) {
        this.checkIn = checkIn;
    }

    public Peer asPeer() {
        return new Peer(id, name, media.audio(), media.video(), media.screen(), goal, presence, since, checkIn);
    }

    public Self asSelf() {
        return new Self(id, name, goal, presence, since, checkIn);
    }

    /** Delivers now, or queues while in the grace period. */
    public void deliver(String json) {
        if (connection != null) {
            connection.send(json);
        } else if (queued.size() < MAX_QUEUED) {
            queued.add(json);
        }
    }

    public ArrayDeque<String> queued() {
        return queued;
    }

    public int nextGraceEpoch() {
        return ++graceEpoch;
    }

    public int graceEpoch() {
        return graceEpoch;
    }
}

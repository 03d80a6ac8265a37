package app.carrel.server.study;

import app.carrel.protocol.CheckInResult;
import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TextRules;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.rooms.Outbox;
import app.carrel.server.rooms.Participant;
import app.carrel.server.storage.Storage;
import java.util.function.Function;

/**
 * Study features (docs/protocol.md §13): {@code set-goal}, {@code set-presence}, {@code check-in},
 * and the end of every check-in when a focus phase starts. Each change is kept on the
 * {@link Participant}, written to the database and told to the sender's room only, there only to
 * members that joined with {@code "study":true}. Rooms thread only.
 */
public final class StudyHandler {
    private final Outbox outbox;
    private final Storage storage;

    public StudyHandler(Outbox outbox, Storage storage) {
        this.outbox = outbox;
        this.storage = storage;
    }

    public void onSetGoal(Connection c, Participant p, ClientMessage.SetGoal m) {
        if (!optedIn(c, m)) {
            return;
        }
        String goal = TextRules.goal(m.goal());
        if (goal == null) {
            outbox.error(c, m.id(), ErrorCode.INVALID_GOAL, invalidGoal());
            return;
        }
        String kept = goal.isEmpty() ? null : goal;
        p.goal(kept);
        storage.goalChanged(p.id(), kept);
        tell(c, p, m.id(), id -> new ServerMessage.GoalChanged(id, p.id(), kept));
    }

    public void onSetPresence(Connection c, Participant p, ClientMessage.SetPresence m) {
        if (!optedIn(c, m)) {
            return;
        }
        p.presence(m.presence());
        storage.presenceChanged(p.id(), m.presence());
        tell(c, p, m.id(), id -> new ServerMessage.PresenceChanged(id, p.id(), m.presence()));
    }

    public void onCheckIn(Connection c, Participant p, ClientMessage.CheckIn m) {
        if (!optedIn(c, m)) {
            return;
        }
        p.checkIn(m.result());
        storage.checkInChanged(p.id(), m.result());
        tell(c, p, m.id(), id -> new ServerMessage.CheckedIn(id, p.id(), m.result()));
    }

    /**
     * A focus phase started in {@code room}: the check-ins were about the one before, so they end,
     * and every study member is told so for each participant that had one.
     */
    public void focusStarted(LiveRoom room) {
        boolean any = false;
        for (Participant p : room.seated()) {
            CheckInResult had = p.checkIn();
            if (had != null) {
                any = true;
                p.checkIn(null);
                outbox.broadcastSplit(room, new ServerMessage.CheckedIn(null, p.id(), null), null, null);
            }
        }
        if (any) {
            storage.checkInsCleared(room.id());
        }
    }

    /** The goal a {@code join} brings: stripped, null for none; call only after {@link #validGoal}. */
    public static String joinGoal(ClientMessage.Join m) {
        if (!m.takesStudy() || m.goal() == null) {
            return null;
        }
        String goal = TextRules.goal(m.goal());
        return goal == null || goal.isEmpty() ? null : goal;
    }

    /** Whether a {@code join}'s goal, if it counts, keeps the rules. */
    public static boolean validGoal(ClientMessage.Join m) {
        return !m.takesStudy() || m.goal() == null || TextRules.goal(m.goal()) != null;
    }

    public static String invalidGoal() {
        return "A goal is at most " + TextRules.MAX_GOAL + " characters on one line";
    }

    /** Study messages are for clients that said they take them, like the messages they cause. */
    private boolean optedIn(Connection c, ClientMessage m) {
        if (c.study()) {
            return true;
        }
        outbox.error(c, m.id(), ErrorCode.BAD_REQUEST, "Study messages need \"study\":true on join");
        return false;
    }

    /** The sender's own copy carries its request id; the other study members get one without. */
    private void tell(Connection c, Participant p, String requestId, Function<String, ServerMessage> withId) {
        outbox.send(c, withId.apply(requestId));
        outbox.broadcastSplit(p.room(), withId.apply(null), null, p);
    }
}

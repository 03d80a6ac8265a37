package app.carrel.server.timer;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TextRules;
import app.carrel.protocol.TimerAction;
import app.carrel.protocol.TimerPhase;
import app.carrel.server.lobby.LobbyFeed;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.rooms.Outbox;
import app.carrel.server.rooms.Participant;
import app.carrel.server.rooms.RoomsExecutor;
import app.carrel.server.storage.Storage;
import app.carrel.server.storage.StoredTimer;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The room's shared focus timer: the server owns it, persists it, and announces the moment it
 * reaches zero. Every change shows in the lobby (docs/protocol.md §13). Members without study
 * features are told a long break as a break ({@link ServerMessage.Timer#forV1()}). Rooms thread only.
 */
public final class TimerHandler {
    private final RoomTimers timers;
    private final Outbox outbox;
    private final Storage storage;
    private final RoomsExecutor executor;
    private final LobbyFeed lobby;
    /** Told after a focus phase was started and announced (study/ ends the room's check-ins). */
    private final Consumer<LiveRoom> focusStarted;

    public TimerHandler(RoomTimers timers, Outbox outbox, Storage storage, RoomsExecutor executor, LobbyFeed lobby,
                        Consumer<LiveRoom> focusStarted) {
        this.timers = timers;
        this.outbox = outbox;
        this.storage = storage;
        this.executor = executor;
        this.lobby = lobby;
        this.focusStarted = focusStarted;
    }

    public void onTimer(Connection c, Participant by, ClientMessage.Timer m) {
        LiveRoom room = by.room();
        FocusTimer current = timers.current(room);
        long now = executor.now();
        FocusTimer next;
        if (m.action() == TimerAction.START) {
            if (m.seconds() < 1 || m.seconds() > TextRules.MAX_TIMER_SECONDS) {
                badRequest(c, m, "'seconds' must be 1-" + TextRules.MAX_TIMER_SECONDS);
                return;
            }
            if (m.phase() == TimerPhase.LONG_BREAK && !room.study().longBreaks()) {
                badRequest(c, m, "Room '" + room.name() + "' has no long breaks");
                return;
            }
            next = FocusTimer.start(m.phase(), m.seconds(), by.id(), by.name(), current == null ? 0 : current.round(),
                    now);
        } else if (current == null) {
            badRequest(c, m, "There is no timer to " + m.action().name().toLowerCase(Locale.ROOT));
            return;
        } else if (m.action() == TimerAction.PAUSE) {
            next = current.pause(by.id(), by.name(), now);
        } else if (m.action() == TimerAction.RESUME) {
            next = current.resume(by.id(), by.name(), now);
        } else {
            if (m.phase() != null || m.seconds() != null) {
                badRequest(c, m, "'reset' takes no 'phase' or 'seconds'");
                return;
            }
            next = current.reset(by.id(), by.name());
        }
        apply(room, next, now);
        ServerMessage.Timer message = next.toMessage(now);
        outbox.send(c, (c.study() ? message : message.forV1()).withId(m.id()));
        outbox.broadcastSplit(room, message, message.forV1(), by);
        if (m.action() == TimerAction.START && m.phase() == TimerPhase.FOCUS) {
            focusStarted.accept(room);
        }
    }

    /** Installs a timer (also one restored from the database) and arms its zero. */
    public void apply(LiveRoom room, FocusTimer timer, long now) {
        int epoch = timers.replace(room, timer);
        storage.timerChanged(stored(room, timer));
        shown(room, timer, now);
        if (timer.running()) {
            executor.schedule(Duration.ofMillis(Math.max(0, timer.endsAt() - now)),
                    () -> reachedZero(room, epoch));
        }
    }

    /** The room's session ended (its last seat is gone): the next one counts rounds from zero. */
    public void sessionEnded(LiveRoom room) {
        FocusTimer current = timers.current(room);
        if (current != null && current.round() != 0) {
            FocusTimer fresh = current.newSession();
            timers.amend(room, fresh);
            storage.timerChanged(stored(room, fresh));
        }
    }

    private void reachedZero(LiveRoom room, int epoch) {
        if (timers.epoch(room) != epoch || !timers.current(room).running()) {
            return;
        }
        // A focus phase that ran out in an empty room belongs to no session.
        FocusTimer done = timers.current(room).finished(!room.seated().isEmpty());
        timers.replace(room, done);
        storage.timerChanged(stored(room, done));
        long now = executor.now();
        shown(room, done, now);
        ServerMessage.Timer message = done.toMessage(now);
        outbox.broadcastSplit(room, message, message.forV1(), null);
    }

    /** The lobby shows the timer at a glance, so every change is a change of the room. */
    private void shown(LiveRoom room, FocusTimer timer, long now) {
        room.timerSummary(timer.toMessage(now).summary());
        lobby.changed(room);
    }

    private void badRequest(Connection c, ClientMessage.Timer m, String message) {
        outbox.error(c, m.id(), ErrorCode.BAD_REQUEST, message);
    }

    static StoredTimer stored(LiveRoom room, FocusTimer t) {
        return new StoredTimer(room.id(), t.phase(), t.seconds(), t.running(), t.endsAt(), t.remaining(), t.by(),
                t.byName(), t.round());
    }
}

package app.carrel.server.timer;

import app.carrel.protocol.ClientMessage;
import app.carrel.protocol.ErrorCode;
import app.carrel.protocol.ServerMessage;
import app.carrel.protocol.TextRules;
import app.carrel.protocol.TimerAction;
import app.carrel.server.rooms.Connection;
import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.rooms.Outbox;
import app.carrel.server.rooms.Participant;
import app.carrel.server.rooms.RoomsExecutor;
import app.carrel.server.storage.Storage;
import app.carrel.server.storage.StoredTimer;
import java.time.Duration;
import java.util.Locale;

/**
 * The room's shared focus timer: the server owns it, persists it, and announces the moment it
 * reaches zero. Rooms thread only.
 */
public final class TimerHandler {
    private final RoomTimers timers;
    private final Outbox outbox;
    private final Storage storage;
    private final RoomsExecutor executor;

    public TimerHandler(RoomTimers timers, Outbox outbox, Storage storage, RoomsExecutor executor) {
        this.timers = timers;
        this.outbox = outbox;
        this.storage = storage;
        this.executor = executor;
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
            next = FocusTimer.start(m.phase(), m.seconds(), by.id(), now);
        } else if (current == null) {
            badRequest(c, m, "There is no timer to " + m.action().name().toLowerCase(Locale.ROOT));
            return;
        } else if (m.action() == TimerAction.PAUSE) {
            next = current.pause(by.id(), now);
        } else if (m.action() == TimerAction.RESUME) {
            next = current.resume(by.id(), now);
        } else {
            if (m.phase() != null || m.seconds() != null) {
                badRequest(c, m, "'reset' takes no 'phase' or 'seconds'");
                return;
            }
            next = current.reset(by.id());
        }
        apply(room, next, now);
        ServerMessage.Timer message = next.toMessage(now);
        outbox.send(c, message.withId(m.id()));
        outbox.broadcast(room, message, by);
    }

    /** Installs a timer (also one restored from the database) and arms its zero. */
    public void apply(LiveRoom room, FocusTimer timer, long now) {
        int epoch = timers.replace(room, timer);
        storage.timerChanged(stored(room, timer));
        if (timer.running()) {
            executor.schedule(Duration.ofMillis(Math.max(0, timer.endsAt() - now)),
                    () -> reachedZero(room, epoch));
        }
    }

    private void reachedZero(LiveRoom room, int epoch) {
        if (timers.epoch(room) != epoch || !timers.current(room).running()) {
            return;
        }
        FocusTimer done = timers.current(room).finished();
        timers.replace(room, done);
        storage.timerChanged(stored(room, done));
        outbox.broadcast(room, done.toMessage(executor.now()), null);
    }

    private void badRequest(Connection c, ClientMessage.Timer m, String message) {
        outbox.error(c, m.id(), ErrorCode.BAD_REQUEST, message);
    }

    static StoredTimer stored(LiveRoom room, FocusTimer t) {
        return new StoredTimer(room.id(), t.phase(), t.seconds(), t.running(), t.endsAt(), t.remaining(), t.by());
    }
}

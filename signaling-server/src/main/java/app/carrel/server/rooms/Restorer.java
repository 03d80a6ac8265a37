package app.carrel.server.rooms;

import app.carrel.protocol.ServerMessage;
import app.carrel.server.chat.ChatLog;
import app.carrel.server.storage.Snapshot;
import app.carrel.server.storage.StoredChat;
import app.carrel.server.storage.StoredParticipant;
import app.carrel.server.storage.StoredRoom;
import app.carrel.server.storage.StoredTimer;
import app.carrel.server.timer.FocusTimer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds room state from the database at start. Participants seated when the last server
 * stopped begin their grace period now, so clients resuming with their tokens keep their ids.
 * Runs on the rooms thread before any connection is accepted.
 */
public final class Restorer {
    private static final Logger LOG = LoggerFactory.getLogger(Restorer.class);

    private final RoomsContext ctx;
    private final Dispatcher dispatcher;

    public Restorer(RoomsContext ctx, Dispatcher dispatcher) {
        this.ctx = ctx;
        this.dispatcher = dispatcher;
    }

    public void restore(Snapshot snapshot) {
        for (StoredRoom r : snapshot.rooms()) {
            ChatLog chat = new ChatLog(snapshot.lastChatSeq().getOrDefault(r.uuid(), 0L));
            for (StoredChat line : snapshot.chatTails().getOrDefault(r.uuid(), List.of())) {
                chat.add(new ServerMessage.Chat(null, line.participantUuid(), line.name(), line.text(), line.at(),
                        line.seq()));
            }
            ctx.directory().addRoom(new LiveRoom(r.uuid(), r.name(), r.capacity(), r.passwordHash(), chat));
        }
        long now = ctx.executor().now();
        for (StoredTimer t : snapshot.timers()) {
            LiveRoom room = ctx.directory().room(t.roomUuid());
            FocusTimer timer = new FocusTimer(t.phase(), t.seconds(), t.running(), t.endsAt(), t.remaining(), t.by());
            // A phase that ended while the server was down is over, not overdue.
            dispatcher.timer().apply(room, timer.endedBy(now) ? timer.finished() : timer, now);
        }
        for (StoredParticipant s : snapshot.seated()) {
            LiveRoom room = ctx.directory().room(s.roomUuid());
            if (s.resumeHash() == null) {
                ctx.storage().participantLeft(s.uuid(), now);
                continue;
            }
            Participant p = new Participant(s.uuid(), s.name(), room, s.media(), s.resumeHash());
            ctx.directory().seat(p);
            dispatcher.seating().startGrace(p);
        }
        LOG.info("Restored {} rooms; {} participants may resume within {} s", snapshot.rooms().size(),
                snapshot.seated().size(), ctx.resumeGrace().toSeconds());
    }
}

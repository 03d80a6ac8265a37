package app.carrel.server;

import app.carrel.protocol.ServerMessage;
import app.carrel.server.chat.ChatLog;
import app.carrel.server.chat.ChatLogs;
import app.carrel.server.rooms.LiveRoom;
import app.carrel.server.rooms.RoomSizes;
import app.carrel.server.rooms.Participant;
import app.carrel.server.rooms.RoomDirectory;
import app.carrel.server.rooms.RoomsExecutor;
import app.carrel.server.rooms.StudySettings;
import app.carrel.server.seating.Seating;
import app.carrel.server.storage.Snapshot;
import app.carrel.server.storage.Storage;
import app.carrel.server.storage.StoredChat;
import app.carrel.server.storage.StoredParticipant;
import app.carrel.server.storage.StoredRoom;
import app.carrel.server.storage.StoredTimer;
import app.carrel.server.timer.FocusTimer;
import app.carrel.server.timer.TimerHandler;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds room state from the database at start. Participants seated when the last server
 * stopped begin their grace period now, so clients resuming with their tokens keep their ids.
 * Runs on the rooms thread before any connection is accepted.
 */
final class Restorer {
    private static final Logger LOG = LoggerFactory.getLogger(Restorer.class);

    private final RoomDirectory directory;
    private final ChatLogs chat;
    private final TimerHandler timer;
    private final Seating seating;
    private final Storage storage;
    private final RoomsExecutor executor;
    private final Duration resumeGrace;

    private final RoomSizes sizes;

    Restorer(RoomDirectory directory, ChatLogs chat, TimerHandler timer, Seating seating, Storage storage,
             RoomsExecutor executor, Duration resumeGrace, RoomSizes sizes) {
        this.sizes = sizes;
        this.directory = directory;
        this.chat = chat;
        this.timer = timer;
        this.seating = seating;
        this.storage = storage;
        this.executor = executor;
        this.resumeGrace = resumeGrace;
    }

    void restore(Snapshot snapshot) {
        for (StoredRoom r : snapshot.rooms()) {
            ChatLog log = new ChatLog(snapshot.lastChatSeq().getOrDefault(r.uuid(), 0L));
            for (StoredChat line : snapshot.chatTails().getOrDefault(r.uuid(), List.of())) {
                log.add(new ServerMessage.Chat(null, line.participantUuid(), line.name(), line.text(), line.at(),
                        line.seq()));
            }
            LiveRoom room = new LiveRoom(r.uuid(), r.name(), r.capacity(), r.passwordHash(), sizes.hall(r.capacity()),
                    new StudySettings(r.quiet(), r.longBreakEvery(), r.longBreakSeconds()));
            room.ownerHash(r.ownerHash());
            room.keep(r.keep());
            // Null: people sat in it when the server stopped; if none resume, their grace ends it.
            room.emptySince(r.emptySince() == null ? executor.now() : r.emptySince());
            directory.addRoom(room);
            chat.restore(r.uuid(), log);
        }
        long now = executor.now();
        for (StoredTimer t : snapshot.timers()) {
            LiveRoom room = directory.room(t.roomUuid());
            FocusTimer stored = new FocusTimer(t.phase(), t.seconds(), t.running(), t.endsAt(), t.remaining(), t.by(),
                    t.byName(), t.round());
            // A phase that ended while the server was down is over, not overdue (and, like one that
            // ran out in an empty room, counts no round: nobody was there to see it end).
            timer.apply(room, stored.endedBy(now) ? stored.finished(false) : stored, now);
        }
        for (StoredParticipant s : snapshot.seated()) {
            LiveRoom room = directory.room(s.roomUuid());
            if (s.resumeHash() == null) {
                storage.participantLeft(s.uuid(), now);
                continue;
            }
            Participant p = new Participant(s.uuid(), s.name(), room, s.media(), s.resumeHash(), s.joinedAt());
            p.goal(s.goal());
            if (s.presence() != null) {
                p.presence(s.presence());
            }
            p.checkIn(s.checkIn());
            directory.seat(p);
            seating.startGrace(p);
        }
        LOG.info("Restored {} rooms; {} participants may resume within {} s", snapshot.rooms().size(),
                snapshot.seated().size(), resumeGrace.toSeconds());
    }
}

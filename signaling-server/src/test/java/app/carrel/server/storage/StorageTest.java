package app.carrel.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.carrel.protocol.CheckInResult;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.Presence;
import app.carrel.protocol.TimerPhase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageTest {
    @TempDir
    Path dir;

    @Test
    void everythingWrittenIsReadBackByTheNextOpen() throws Exception {
        Path file = dir.resolve("carrel.db");
        try (Storage storage = Storage.open(file)) {
            storage.roomCreated(new StoredRoom("room-1", "Algorithms", 4, "pbkdf2$x", 10));
            storage.roomCreated(new StoredRoom("room-2", "Open", 2, null, 11));
            storage.participantSeated(new StoredParticipant("p-1", "room-1", "Alice", MediaFlags.JOIN_DEFAULT, "h1", 20));
            storage.participantSeated(new StoredParticipant("p-2", "room-1", "Bob", MediaFlags.JOIN_DEFAULT, "h2", 21));
            storage.mediaChanged("p-1", new MediaFlags(false, true, true));
            storage.resumeTokenChanged("p-1", "h1b");
            storage.participantLeft("p-2", 30);
            for (int seq = 1; seq <= 55; seq++) {
                storage.chatPosted(new StoredChat("room-1", seq, "p-1", "Alice", "line " + seq, 100 + seq));
            }
            storage.timerChanged(new StoredTimer("room-1", TimerPhase.FOCUS, 1500, true, 5000L, 1500, "p-1"));
            storage.timerChanged(new StoredTimer("room-1", TimerPhase.BREAK, 300, false, null, 120, "p-2"));
        }
        try (Storage storage = Storage.open(file)) {
            Snapshot s = storage.snapshot();
            assertEquals(List.of("room-1", "room-2"), s.rooms().stream().map(StoredRoom::uuid).toList());
            assertNull(s.rooms().get(1).passwordHash());
            assertEquals(List.of(new StoredParticipant("p-1", "room-1", "Alice", new MediaFlags(false, true, true),
                    "h1b", 20)), s.seated());
            List<StoredChat> tail = s.chatTails().get("room-1");
            assertEquals(Storage.CHAT_REPLAY, tail.size());
            assertEquals(6, tail.get(0).seq(), "oldest first");
            assertEquals(55L, s.lastChatSeq().get("room-1"));
            assertEquals(List.of(new StoredTimer("room-1", TimerPhase.BREAK, 300, false, null, 120, "p-2")), s.timers());
        }
    }

    @Test
    void theDatabaseIsAVersionedWalFile() throws Exception {
        Path file = dir.resolve("carrel.db");
        Storage.open(file).close();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                assertEquals(Migrations.SCRIPTS.size(), rs.getInt(1));
            }
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                assertEquals("wal", rs.getString(1));
            }
        }
        Storage.open(file).close();
    }

    @Test
    void oneFailingWriteDoesNotLoseTheOthersInItsBatch() throws Exception {
        Path file = dir.resolve("carrel.db");
        try (Storage storage = Storage.open(file)) {
            storage.roomCreated(new StoredRoom("same", "A", 4, null, 1));
            storage.roomCreated(new StoredRoom("same", "duplicate uuid", 4, null, 2));
            storage.roomCreated(new StoredRoom("other", "B", 4, null, 3));
        }
        try (Storage storage = Storage.open(file)) {
            assertTrue(storage.snapshot().rooms().stream().anyMatch(r -> r.uuid().equals("other")));
            assertEquals(2, storage.snapshot().rooms().size());
        }
    }

    @Test
    void studyStateIsKeptForTheSeatAndGoesWhenItIsLeft() throws Exception {
        Path file = dir.resolve("carrel.db");
        try (Storage storage = Storage.open(file)) {
            storage.roomCreated(new StoredRoom("room-1", "Quiet hall", 30, null, 10, "o", false, 10L, true, 4, 600));
            storage.participantSeated(new StoredParticipant("p-1", "room-1", "Ann", MediaFlags.JOIN_DEFAULT, "h1", 20,
                    "Essay", null, null));
            storage.participantSeated(new StoredParticipant("p-2", "room-1", "Ben", MediaFlags.JOIN_DEFAULT, "h2", 21));
            storage.participantSeated(new StoredParticipant("p-3", "room-1", "Cy", MediaFlags.JOIN_DEFAULT, "h3", 22));
            storage.presenceChanged("p-1", Presence.AWAY);
            storage.checkInChanged("p-1", CheckInResult.NOT_YET);
            storage.goalChanged("p-2", "Proofs");
            storage.checkInChanged("p-2", CheckInResult.DONE);
            storage.checkInChanged("p-3", CheckInResult.PARTLY);
            storage.checkInsCleared("room-1");
            storage.checkInChanged("p-3", CheckInResult.DONE);
            storage.goalChanged("p-3", "Lab");
            storage.participantLeft("p-3", 40);
            storage.timerChanged(new StoredTimer("room-1", TimerPhase.LONG_BREAK, 600, false, null, 600, "p-1", "Ann", 4));
        }
        try (Storage storage = Storage.open(file)) {
            Snapshot s = storage.snapshot();
            assertEquals(List.of(new StoredRoom("room-1", "Quiet hall", 30, null, 10, "o", false, 10L, true, 4, 600)),
                    s.rooms());
            assertEquals(List.of(
                    new StoredParticipant("p-1", "room-1", "Ann", MediaFlags.JOIN_DEFAULT, "h1", 20, "Essay",
                            Presence.AWAY, null),
                    new StoredParticipant("p-2", "room-1", "Ben", MediaFlags.JOIN_DEFAULT, "h2", 21, "Proofs", null,
                            null)), s.seated(), "check-ins cleared for the new focus phase; Cy gone");
            assertEquals(List.of(new StoredTimer("room-1", TimerPhase.LONG_BREAK, 600, false, null, 600, "p-1", "Ann", 4)),
                    s.timers());
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT goal, presence, check_in FROM participants WHERE uuid = 'p-3'")) {
            assertTrue(rs.next());
            assertNull(rs.getString(1), "a seat left takes its goal with it");
            assertNull(rs.getString(3));
        }
    }

    /** A database of the version before study features opens, its rooms plain and its seats focusing. */
    @Test
    void aVersionTwoDatabaseIsMigrated() throws Exception {
        Path file = dir.resolve("carrel.db");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = db.createStatement()) {
            for (String script : List.of("001-initial.sql", "002-room-owners.sql")) {
                String sql = new String(StorageTest.class.getResourceAsStream("/db/" + script).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                for (String statement : sql.replaceAll("(?m)^\\s*--.*$", "").split(";")) {
                    if (!statement.isBlank()) {
                        st.execute(statement);
                    }
                }
            }
            st.execute("PRAGMA user_version = 2");
            st.execute("INSERT INTO rooms (uuid, name, capacity, created_at) VALUES ('old', 'Old', 4, 1)");
            st.execute("INSERT INTO participants (uuid, room_id, name, audio, video, screen, resume_hash, joined_at)"
                    + " VALUES ('p', 1, 'Ann', 1, 1, 0, 'h', 5)");
            st.execute("INSERT INTO timers (room_id, phase, seconds, running, remaining) VALUES (1, 'focus', 60, 0, 60)");
        }
        try (Storage storage = Storage.open(file)) {
            Snapshot s = storage.snapshot();
            StoredRoom old = s.rooms().get(0);
            assertEquals(false, old.quiet());
            assertEquals(0, old.longBreakEvery());
            assertEquals(new StoredParticipant("p", "old", "Ann", MediaFlags.JOIN_DEFAULT, "h", 5), s.seated().get(0));
            assertEquals(0, s.timers().get(0).round());
            assertNull(s.timers().get(0).byName());
        }
    }
}

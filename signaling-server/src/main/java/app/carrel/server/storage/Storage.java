package app.carrel.server.storage;

import app.carrel.protocol.CheckInResult;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.Presence;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's SQLite database: opened and migrated at start, read once into a {@link Snapshot},
 * then written asynchronously in order by a {@link StorageWriter}. The write methods may be
 * called from any thread and never block.
 */
public final class Storage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Storage.class);

    /** How many chat lines a room replays in {@code joined}. */
    public static final int CHAT_REPLAY = 50;

    /** The file, as the log names it. */
    private final String file;
    private final Connection db;
    private final Snapshot snapshot;
    private final StorageWriter writer;
    private boolean closed;

    private Storage(String file, Connection db, Snapshot snapshot) {
        this.file = file;
        this.db = db;
        this.snapshot = snapshot;
        this.writer = new StorageWriter(db);
    }

    public static Storage open(Path file) throws SQLException {
        return open("jdbc:sqlite:" + file.toAbsolutePath(), file.toString());
    }

    /** A database in memory, gone when closed: for a throwaway run of the room logic ({@code Priming}). */
    public static Storage inMemory() throws SQLException {
        return open("jdbc:sqlite::memory:", "in memory");
    }

    private static Storage open(String url, String label) throws SQLException {
        Connection db = DriverManager.getConnection(url);
        try {
            try (Statement st = db.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = NORMAL");
                st.execute("PRAGMA foreign_keys = ON");
                st.execute("PRAGMA busy_timeout = 5000");
            }
            Migrations.apply(db);
            Snapshot snapshot = new Snapshot(RoomStore.all(db), ParticipantStore.seated(db),
                    ChatStore.tails(db, CHAT_REPLAY), ChatStore.lastSeq(db), TimerStore.all(db));
            LOG.info("Database {} open: {} rooms, {} seated participants", label, snapshot.rooms().size(),
                    snapshot.seated().size());
            return new Storage(label, db, snapshot);
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** What the database held when it was opened. */
    public Snapshot snapshot() {
        return snapshot;
    }

    public void roomCreated(StoredRoom room) {
        writer.submit(db -> RoomStore.insert(db, room));
    }

    /** Name, capacity, password or keep setting changed (owners). */
    public void roomChanged(String roomUuid, String name, int capacity, String passwordHash, boolean keep) {
        writer.submit(db -> RoomStore.update(db, roomUuid, name, capacity, passwordHash, keep));
    }

    /** The room became empty at {@code at}, or ({@code null}) someone sat down in it. */
    public void roomEmptySince(String roomUuid, Long at) {
        writer.submit(db -> RoomStore.emptySince(db, roomUuid, at));
    }

    /** The room, its chat, timer and join history are deleted. */
    public void roomDeleted(String roomUuid) {
        writer.submit(db -> RoomStore.delete(db, roomUuid));
    }

    public void participantSeated(StoredParticipant participant) {
        writer.submit(db -> ParticipantStore.insert(db, participant));
    }

    public void resumeTokenChanged(String participantUuid, String resumeHash) {
        writer.submit(db -> ParticipantStore.updateResumeHash(db, participantUuid, resumeHash));
    }

    public void mediaChanged(String participantUuid, MediaFlags media) {
        writer.submit(db -> ParticipantStore.updateMedia(db, participantUuid, media));
    }

    /** Study features: the participant's goal ({@code null}: none). */
    public void goalChanged(String participantUuid, String goal) {
        writer.submit(db -> ParticipantStore.updateStudy(db, participantUuid, "goal", goal));
    }

    public void presenceChanged(String participantUuid, Presence presence) {
        writer.submit(db -> ParticipantStore.updateStudy(db, participantUuid, "presence",
                ParticipantStore.stored(presence)));
    }

    /** Study features: the participant's shared check-in ({@code null}: none). */
    public void checkInChanged(String participantUuid, CheckInResult result) {
        writer.submit(db -> ParticipantStore.updateStudy(db, participantUuid, "check_in",
                ParticipantStore.stored(result)));
    }

    /** Study features: a focus phase began, so the room's check-ins end. */
    public void checkInsCleared(String roomUuid) {
        writer.submit(db -> ParticipantStore.clearCheckIns(db, roomUuid));
    }

    /** The participant left its seat for good: its study state goes with it. */
    public void participantLeft(String participantUuid, long at) {
        writer.submit(db -> ParticipantStore.markLeft(db, participantUuid, at));
    }

    public void chatPosted(StoredChat line) {
        writer.submit(db -> ChatStore.insert(db, line));
    }

    public void timerChanged(StoredTimer timer) {
        writer.submit(db -> TimerStore.upsert(db, timer));
    }

    /** Waits until every write submitted before this call is committed (or has failed). */
    public void sync(long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        CountDownLatch done = new CountDownLatch(1);
        writer.submit(db -> done.countDown());
        if (!done.await(timeout, unit)) {
            throw new TimeoutException("Database writes not done within " + timeout + " " + unit);
        }
    }

    /** Writes what is queued, then closes the database; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writer.stop();
        } catch (InterruptedException e) {
            LOG.error("Interrupted while writing the last changes to {}", file);
            Thread.currentThread().interrupt();
        }
        try {
            db.close();
            LOG.info("Database {} closed", file);
        } catch (SQLException e) {
            LOG.error("Closing database {} failed", file, e);
        }
    }
}

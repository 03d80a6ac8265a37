package app.carrel.server.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every write on one thread, in submission order, so the rooms thread never waits for the
 * disk. Writes queued while one transaction commits are committed together in the next one,
 * which keeps a join storm to a handful of fsyncs. The connection belongs to this thread.
 */
final class StorageWriter {
    private static final Logger LOG = LoggerFactory.getLogger(StorageWriter.class);
    private static final int MAX_BATCH = 512;

    /** One unit of SQL, run on the writer thread. */
    interface Write {
        void run(Connection db) throws SQLException;
    }

    private static final Write STOP = db -> { };

    private final Connection db;
    private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean stopping;

    StorageWriter(Connection db) {
        this.db = db;
        this.thread = new Thread(this::loop, "carrel-storage");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void submit(Write write) {
        if (stopping) {
            LOG.error("Write submitted after the database was closed; it is lost");
            return;
        }
        queue.add(write);
    }

    /** Writes everything queued so far, then stops the thread. */
    void stop() throws InterruptedException {
        stopping = true;
        queue.add(STOP);
        thread.join();
    }

    private void loop() {
        List<Write> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                boolean stop = batch.remove(STOP);
                if (!batch.isEmpty()) {
                    commit(batch);
                }
                batch.clear();
                if (stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            LOG.error("Storage writer interrupted; {} queued writes are lost", queue.size());
            Thread.currentThread().interrupt();
        }
    }

    private void commit(List<Write> batch) {
        try {
            db.setAutoCommit(false);
            for (Write write : batch) {
                write.run(db);
            }
            db.commit();
        } catch (SQLException e) {
            LOG.warn("A batch of {} writes failed ({}); retrying them one by one", batch.size(), e.getMessage());
            rollback();
            commitEachAlone(batch);
        } finally {
            autoCommit();
        }
    }

    /** One bad write must not take the others of its batch with it. */
    private void commitEachAlone(List<Write> batch) {
        autoCommit();
        for (Write write : batch) {
            try {
                write.run(db);
            } catch (SQLException e) {
                LOG.error("Database write failed and was dropped", e);
            }
        }
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException e) {
            LOG.error("Rollback failed", e);
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.error("Could not restore auto-commit", e);
        }
    }
}

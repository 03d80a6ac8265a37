package app.carrel.client.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The focus history on this computer: a SQLite file the person owns, no account. Sessions (room,
 * server, times, goal, check-in) and the focus stretches within them, so minutes land on the day
 * they were spent even when a session runs past midnight. All SQL of the feature is here.
 *
 * <p>Methods are synchronized over the one connection: the app calls them from its history
 * thread (writes) and from a worker (the "My focus" page's reads).
 */
public final class FocusHistory implements AutoCloseable {

    /** The file's name in the data folder. */
    public static final String FILE_NAME = "focus-history.sqlite";
    private static final int SCHEMA = 1;
    private static final Logger log = LoggerFactory.getLogger(FocusHistory.class);

    private final Connection db;

    private FocusHistory(Connection db) {
        this.db = db;
    }

    /**
     * The user's data folder: the system property {@code carrel.data.dir}; else
     * {@code carrel.config.dir} (a test or demo that moves the settings keeps its history beside
     * them, never in the real home); else {@code $XDG_DATA_HOME/carrel}; else
     * {@code ~/.local/share/carrel}. History is data, not configuration: a person who resets
     * their settings keeps it.
     */
    public static Path userDataDir() {
        for (String property : List.of("carrel.data.dir", "carrel.config.dir")) {
            String dir = System.getProperty(property);
            if (dir != null && !dir.isBlank()) {
                return Path.of(dir);
            }
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("carrel");
    }

    public static FocusHistory open(Path file) throws SQLException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new SQLException("cannot make the folder for " + file, e);
        }
        Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            try (Statement st = db.createStatement()) {
                st.execute("PRAGMA foreign_keys = ON");
                st.execute("PRAGMA busy_timeout = 3000");
                st.execute("CREATE TABLE IF NOT EXISTS session ("
                        + "id INTEGER PRIMARY KEY AUTOINCREMENT, room_id TEXT NOT NULL, room_name TEXT NOT NULL,"
                        + " server TEXT NOT NULL, started_at INTEGER NOT NULL, ended_at INTEGER,"
                        + " goal TEXT, check_in TEXT, check_in_note TEXT)");
                st.execute("CREATE TABLE IF NOT EXISTS focus ("
                        + "session_id INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,"
                        + " started_at INTEGER NOT NULL, ended_at INTEGER NOT NULL)");
                st.execute("CREATE INDEX IF NOT EXISTS focus_by_time ON focus(started_at)");
                st.execute("PRAGMA user_version = " + SCHEMA);
            }
            return new FocusHistory(db);
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** A new session, returning its id. */
    public synchronized long startSession(String roomId, String roomName, String server, Instant start) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "INSERT INTO session (room_id, room_name, server, started_at) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, roomId);
            st.setString(2, roomName);
            st.setString(3, server);
            st.setLong(4, start.toEpochMilli());
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    public synchronized void addFocus(long sessionId, FocusStretch stretch) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("INSERT INTO focus (session_id, started_at, ended_at) VALUES (?, ?, ?)")) {
            st.setLong(1, sessionId);
            st.setLong(2, stretch.start().toEpochMilli());
            st.setLong(3, stretch.end().toEpochMilli());
            st.executeUpdate();
        }
    }

    public synchronized void endSession(long sessionId, Instant end) throws SQLException {
        update("UPDATE session SET ended_at = ? WHERE id = ?", st -> st.setLong(1, end.toEpochMilli()), sessionId);
    }

    /** The session's goal (the latest one wins: it can be changed in the room); blank clears it. */
    public synchronized void recordGoal(long sessionId, String goal) throws SQLException {
        String value = goal == null || goal.isBlank() ? null : goal.strip();
        update("UPDATE session SET goal = ? WHERE id = ?", st -> st.setString(1, value), sessionId);
    }

    /** The check-in at the end of a focus phase; a later one in the same session replaces it. */
    public synchronized void recordCheckIn(long sessionId, CheckIn checkIn) throws SQLException {
        update("UPDATE session SET check_in = ?, check_in_note = ? WHERE id = ?", st -> {
            st.setString(1, checkIn.result().wire());
            if (checkIn.note().isEmpty()) {
                st.setNull(2, Types.VARCHAR);
            } else {
                st.setString(2, checkIn.note());
            }
        }, sessionId);
    }

    /** Every session, newest first, with its focus seconds. */
    public synchronized List<FocusSession> sessions() throws SQLException {
        List<FocusSession> all = new ArrayList<>();
        try (Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT s.id, s.room_id, s.room_name, s.server, s.started_at, s.ended_at,"
                     + " s.goal, s.check_in, s.check_in_note,"
                     + " (SELECT COALESCE(SUM(f.ended_at - f.started_at), 0) FROM focus f WHERE f.session_id = s.id)"
                     + " FROM session s ORDER BY s.started_at DESC, s.id DESC")) {
            while (rs.next()) {
                long ended = rs.getLong(6);
                Instant end = rs.wasNull() ? null : Instant.ofEpochMilli(ended);
                CheckIn.Result result = CheckIn.Result.fromWire(rs.getString(8));
                CheckIn checkIn = result == null ? null : new CheckIn(result, rs.getString(9));
                all.add(new FocusSession(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5)), end, rs.getLong(10) / 1000, rs.getString(7), checkIn));
            }
        }
        return all;
    }

    /** Every focus stretch that ends at or after {@code since}, oldest first. */
    public synchronized List<FocusStretch> stretchesSince(Instant since) throws SQLException {
        List<FocusStretch> found = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(
                "SELECT started_at, ended_at FROM focus WHERE ended_at >= ? ORDER BY started_at")) {
            st.setLong(1, since.toEpochMilli());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(new FocusStretch(Instant.ofEpochMilli(rs.getLong(1)), Instant.ofEpochMilli(rs.getLong(2))));
                }
            }
        }
        return found;
    }

    /** The history at {@code file}, or null (logged) when it cannot be opened: rooms work, nothing is recorded. */
    public static FocusHistory openOrNull(Path file) {
        try {
            return open(file);
        } catch (SQLException e) {
            log.warn("The focus history at {} cannot be opened; nothing will be recorded: {}", file, e.toString());
            return null;
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            log.warn("Closing the focus history: {}", e.toString());
        }
    }

    private interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    private void update(String sql, Binder binder, long sessionId) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            binder.bind(st);
            st.setLong(st.getParameterMetaData().getParameterCount(), sessionId);
            if (st.executeUpdate() != 1) {
                throw new SQLException("no session " + sessionId + " in the history");
            }
        }
    }
}

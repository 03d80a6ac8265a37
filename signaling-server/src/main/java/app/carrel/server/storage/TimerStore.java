package app.carrel.server.storage;

import app.carrel.protocol.TimerPhase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQL for the timers table: one row per room that ever started a timer. A phase is stored as its
 * enum name in lower case ({@code long_break} for {@code long-break}).
 */
final class TimerStore {
    private TimerStore() {
    }

    static void upsert(Connection db, StoredTimer t) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "INSERT INTO timers (room_id, phase, seconds, running, ends_at, remaining, by_uuid, by_name, round)"
                        + " VALUES ((SELECT id FROM rooms WHERE uuid = ?), ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (room_id) DO UPDATE SET phase = excluded.phase,"
                        + " seconds = excluded.seconds, running = excluded.running, ends_at = excluded.ends_at,"
                        + " remaining = excluded.remaining, by_uuid = excluded.by_uuid, by_name = excluded.by_name,"
                        + " round = excluded.round")) {
            st.setString(1, t.roomUuid());
            st.setString(2, t.phase().name().toLowerCase(Locale.ROOT));
            st.setInt(3, t.seconds());
            st.setBoolean(4, t.running());
            if (t.endsAt() == null) {
                st.setNull(5, Types.INTEGER);
            } else {
                st.setLong(5, t.endsAt());
            }
            st.setInt(6, t.remaining());
            st.setString(7, t.by());
            st.setString(8, t.byName());
            st.setInt(9, t.round());
            st.executeUpdate();
        }
    }

    static List<StoredTimer> all(Connection db) throws SQLException {
        List<StoredTimer> timers = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(
                "SELECT r.uuid, t.phase, t.seconds, t.running, t.ends_at, t.remaining, t.by_uuid, t.by_name, t.round"
                        + " FROM timers t JOIN rooms r ON r.id = t.room_id");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                long endsAt = rs.getLong(5);
                Long ends = rs.wasNull() ? null : endsAt;
                timers.add(new StoredTimer(rs.getString(1),
                        TimerPhase.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                        rs.getInt(3), rs.getBoolean(4), ends, rs.getInt(6), rs.getString(7), rs.getString(8),
                        rs.getInt(9)));
            }
        }
        return timers;
    }
}

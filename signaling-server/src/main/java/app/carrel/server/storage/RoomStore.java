package app.carrel.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** SQL for the rooms table. */
final class RoomStore {
    private RoomStore() {
    }

    static void insert(Connection db, StoredRoom room) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "INSERT INTO rooms (uuid, name, capacity, password_hash, created_at, owner_hash, keep, empty_since,"
                        + " quiet, long_break_every, long_break_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, room.uuid());
            st.setString(2, room.name());
            st.setInt(3, room.capacity());
            st.setString(4, room.passwordHash());
            st.setLong(5, room.createdAt());
            st.setString(6, room.ownerHash());
            st.setBoolean(7, room.keep());
            setLong(st, 8, room.emptySince());
            st.setBoolean(9, room.quiet());
            st.setInt(10, room.longBreakEvery());
            st.setInt(11, room.longBreakSeconds());
            st.executeUpdate();
        }
    }

    static List<StoredRoom> all(Connection db) throws SQLException {
        List<StoredRoom> rooms = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(
                "SELECT uuid, name, capacity, password_hash, created_at, owner_hash, keep, empty_since,"
                        + " quiet, long_break_every, long_break_seconds FROM rooms ORDER BY id");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                long emptySince = rs.getLong(8);
                Long empty = rs.wasNull() ? null : emptySince;
                rooms.add(new StoredRoom(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getString(4), rs.getLong(5), rs.getString(6), rs.getBoolean(7),
                        empty, rs.getBoolean(9), rs.getInt(10), rs.getInt(11)));
            }
        }
        return rooms;
    }

    static void update(Connection db, String uuid, String name, int capacity, String passwordHash, boolean keep)
            throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "UPDATE rooms SET name = ?, capacity = ?, password_hash = ?, keep = ? WHERE uuid = ?")) {
            st.setString(1, name);
            st.setInt(2, capacity);
            st.setString(3, passwordHash);
            st.setBoolean(4, keep);
            st.setString(5, uuid);
            st.executeUpdate();
        }
    }

    static void emptySince(Connection db, String uuid, Long at) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("UPDATE rooms SET empty_since = ? WHERE uuid = ?")) {
            setLong(st, 1, at);
            st.setString(2, uuid);
            st.executeUpdate();
        }
    }

    /** The room and everything that hangs off it: its chat, timer and join history. */
    static void delete(Connection db, String uuid) throws SQLException {
        for (String sql : new String[] {
                "DELETE FROM chat WHERE room_id = (SELECT id FROM rooms WHERE uuid = ?)",
                "DELETE FROM timers WHERE room_id = (SELECT id FROM rooms WHERE uuid = ?)",
                "DELETE FROM participants WHERE room_id = (SELECT id FROM rooms WHERE uuid = ?)",
                "DELETE FROM rooms WHERE uuid = ?"}) {
            try (PreparedStatement st = db.prepareStatement(sql)) {
                st.setString(1, uuid);
                st.executeUpdate();
            }
        }
    }

    private static void setLong(PreparedStatement st, int index, Long value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.INTEGER);
        } else {
            st.setLong(index, value);
        }
    }
}

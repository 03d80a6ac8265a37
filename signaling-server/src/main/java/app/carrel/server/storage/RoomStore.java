package app.carrel.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL for the rooms table. */
final class RoomStore {
    private RoomStore() {
    }

    static void insert(Connection db, StoredRoom room) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "INSERT INTO rooms (uuid, name, capacity, password_hash, created_at) VALUES (?, ?, ?, ?, ?)")) {
            st.setString(1, room.uuid());
            st.setString(2, room.name());
            st.setInt(3, room.capacity());
            st.setString(4, room.passwordHash());
            st.setLong(5, room.createdAt());
            st.executeUpdate();
        }
    }

    static List<StoredRoom> all(Connection db) throws SQLException {
        List<StoredRoom> rooms = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(
                "SELECT uuid, name, capacity, password_hash, created_at FROM rooms ORDER BY id");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rooms.add(new StoredRoom(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getString(4), rs.getLong(5)));
            }
        }
        return rooms;
    }
}

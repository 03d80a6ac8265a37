package app.carrel.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL for the chat table. */
final class ChatStore {
    private ChatStore() {
    }

    static void insert(Connection db, StoredChat line) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "INSERT INTO chat (room_id, seq, participant_id, name, text, at) VALUES ("
                        + "(SELECT id FROM rooms WHERE uuid = ?), ?,"
                        + " (SELECT id FROM participants WHERE uuid = ?), ?, ?, ?)")) {
            st.setString(1, line.roomUuid());
            st.setLong(2, line.seq());
            st.setString(3, line.participantUuid());
            st.setString(4, line.name());
            st.setString(5, line.text());
            st.setLong(6, line.at());
            st.executeUpdate();
        }
    }

    /** The newest {@code perRoom} lines of every room, oldest first within a room. */
    static Map<String, List<StoredChat>> tails(Connection db, int perRoom) throws SQLException {
        Map<String, List<StoredChat>> tails = new LinkedHashMap<>();
        try (PreparedStatement st = db.prepareStatement(
                "SELECT room_uuid, seq, participant_uuid, name, text, at FROM ("
                        + " SELECT r.uuid AS room_uuid, c.seq, p.uuid AS participant_uuid, c.name, c.text, c.at,"
                        + "  ROW_NUMBER() OVER (PARTITION BY c.room_id ORDER BY c.seq DESC) AS newest"
                        + " FROM chat c JOIN rooms r ON r.id = c.room_id"
                        + " JOIN participants p ON p.id = c.participant_id)"
                        + " WHERE newest <= ? ORDER BY room_uuid, seq")) {
            st.setInt(1, perRoom);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    StoredChat line = new StoredChat(rs.getString(1), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getLong(6));
                    tails.computeIfAbsent(line.roomUuid(), k -> new ArrayList<>()).add(line);
                }
            }
        }
        return tails;
    }

    static Map<String, Long> lastSeq(Connection db) throws SQLException {
        Map<String, Long> last = new HashMap<>();
        try (PreparedStatement st = db.prepareStatement(
                "SELECT r.uuid, MAX(c.seq) FROM chat c JOIN rooms r ON r.id = c.room_id GROUP BY c.room_id");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                last.put(rs.getString(1), rs.getLong(2));
            }
        }
        return last;
    }
}

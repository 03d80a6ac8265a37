package app.carrel.server.storage;

import app.carrel.protocol.CheckInResult;
import app.carrel.protocol.MediaFlags;
import app.carrel.protocol.Presence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL for the participants table: the join/leave history and who is seated now. */
final class ParticipantStore {
    private ParticipantStore() {
    }

    static void insert(Connection db, StoredParticipant p) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "INSERT INTO participants (uuid, room_id, name, audio, video, screen, resume_hash, joined_at, goal)"
                        + " VALUES (?, (SELECT id FROM rooms WHERE uuid = ?), ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, p.uuid());
            st.setString(2, p.roomUuid());
            st.setString(3, p.name());
            st.setBoolean(4, p.media().audio());
            st.setBoolean(5, p.media().video());
            st.setBoolean(6, p.media().screen());
            st.setString(7, p.resumeHash());
            st.setLong(8, p.joinedAt());
            st.setString(9, p.goal());
            st.executeUpdate();
        }
    }

    static void updateResumeHash(Connection db, String uuid, String resumeHash) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "UPDATE participants SET resume_hash = ? WHERE uuid = ?")) {
            st.setString(1, resumeHash);
            st.setString(2, uuid);
            st.executeUpdate();
        }
    }

    static void updateMedia(Connection db, String uuid, MediaFlags media) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "UPDATE participants SET audio = ?, video = ?, screen = ? WHERE uuid = ?")) {
            st.setBoolean(1, media.audio());
            st.setBoolean(2, media.video());
            st.setBoolean(3, media.screen());
            st.setString(4, uuid);
            st.executeUpdate();
        }
    }

    static void markLeft(Connection db, String uuid, long leftAt) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "UPDATE participants SET left_at = ?, resume_hash = NULL, goal = NULL, presence = NULL, check_in = NULL"
                        + " WHERE uuid = ? AND left_at IS NULL")) {
            st.setLong(1, leftAt);
            st.setString(2, uuid);
            st.executeUpdate();
        }
    }

    static List<StoredParticipant> seated(Connection db) throws SQLException {
        List<StoredParticipant> seated = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(
                "SELECT p.uuid, r.uuid, p.name, p.audio, p.video, p.screen, p.resume_hash, p.joined_at,"
                        + " p.goal, p.presence, p.check_in"
                        + " FROM participants p JOIN rooms r ON r.id = p.room_id"
                        + " WHERE p.left_at IS NULL ORDER BY p.id");
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                seated.add(new StoredParticipant(rs.getString(1), rs.getString(2), rs.getString(3),
                        new MediaFlags(rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6)),
                        rs.getString(7), rs.getLong(8), rs.getString(9),
                        rs.getString(10) == null ? null : Presence.valueOf(rs.getString(10)),
                        rs.getString(11) == null ? null : CheckInResult.valueOf(rs.getString(11))));
            }
        }
        return seated;
    }

    /** A study field of a seated participant: {@code column} is ours, never a client's string. */
    static void updateStudy(Connection db, String uuid, String column, String value) throws SQLException {
        if (!column.equals("goal") && !column.equals("presence") && !column.equals("check_in")) {
            throw new IllegalArgumentException(column);
        }
        try (PreparedStatement st = db.prepareStatement(
                "UPDATE participants SET " + column + " = ? WHERE uuid = ? AND left_at IS NULL")) {
            st.setString(1, value);
            st.setString(2, uuid);
            st.executeUpdate();
        }
    }

    /** A new focus phase began: every check-in of the room's seated participants ends. */
    static void clearCheckIns(Connection db, String roomUuid) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(
                "UPDATE participants SET check_in = NULL"
                        + " WHERE room_id = (SELECT id FROM rooms WHERE uuid = ?) AND left_at IS NULL")) {
            st.setString(1, roomUuid);
            st.executeUpdate();
        }
    }

    /** An enum as stored: its name ({@code NOT_YET}), or null. */
    static String stored(Enum<?> value) {
        return value == null ? null : value.name();
    }
}

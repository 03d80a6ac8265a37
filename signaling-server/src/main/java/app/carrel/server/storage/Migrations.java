package app.carrel.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database up to the current schema. {@code PRAGMA user_version} records how many of
 * the ordered scripts have run; each script runs in its own transaction with its version bump.
 */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** Append only: a released script never changes. */
    static final List<String> SCRIPTS = List.of("001-initial.sql", "002-room-owners.sql", "003-study.sql");

    private Migrations() {
    }

    static void apply(Connection db) throws SQLException {
        int current = userVersion(db);
        if (current > SCRIPTS.size()) {
            throw new SQLException("Database schema version " + current
                    + " is newer than this server knows (" + SCRIPTS.size() + ")");
        }
        for (int version = current + 1; version <= SCRIPTS.size(); version++) {
            String script = SCRIPTS.get(version - 1);
            db.setAutoCommit(false);
            try (Statement st = db.createStatement()) {
                for (String sql : statements(read(script))) {
                    st.execute(sql);
                }
                st.execute("PRAGMA user_version = " + version);
                db.commit();
                LOG.info("Database migrated to schema version {} ({})", version, script);
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        }
    }

    static int userVersion(Connection db) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Our scripts hold no triggers or string literals with semicolons, so ';' splits them. */
    private static List<String> statements(String script) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(withoutComments.toString().split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/" + script)) {
            if (in == null) {
                throw new IllegalStateException("Migration script missing from the jar: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

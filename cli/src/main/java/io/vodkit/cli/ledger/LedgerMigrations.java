package io.vodkit.cli.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The ledger's schema, one list of statements per version, tracked in {@code PRAGMA user_version}: version N runs
 * once, when the file is below N, inside the opening write transaction. Append versions; never edit released ones.
 */
final class LedgerMigrations {

    private static final List<List<String>> VERSIONS = List.of(
            List.of(
                    """
                    CREATE TABLE uploads (
                        endpoint    TEXT NOT NULL,
                        space_name  TEXT NOT NULL,
                        path        TEXT NOT NULL,
                        size        INTEGER NOT NULL,
                        mtime_ms    INTEGER NOT NULL,
                        md5         TEXT NOT NULL,
                        vid         TEXT NOT NULL,
                        file_name   TEXT NOT NULL,
                        store_uri   TEXT NOT NULL,
                        poster_uri  TEXT NOT NULL,
                        uploaded_at INTEGER NOT NULL)""",
                    "CREATE INDEX uploads_by_path ON uploads (endpoint, space_name, path)",
                    "CREATE INDEX uploads_by_content ON uploads (endpoint, space_name, md5, size)",
                    """
                    CREATE TABLE jobs (
                        endpoint      TEXT NOT NULL,
                        kind          TEXT NOT NULL,
                        job_id        TEXT NOT NULL,
                        space_name    TEXT NOT NULL,
                        source        TEXT NOT NULL,
                        state         TEXT NOT NULL,
                        service_state TEXT NOT NULL,
                        vid           TEXT NOT NULL,
                        output        TEXT NOT NULL,
                        error         TEXT NOT NULL,
                        submitted_at  INTEGER NOT NULL,
                        updated_at    INTEGER NOT NULL,
                        PRIMARY KEY (endpoint, kind, job_id))"""),
            // a restoration's report (what it found, did and measured), kept with the job for `vodkit jobs`
            List.of("ALTER TABLE jobs ADD COLUMN report TEXT NOT NULL DEFAULT ''"));

    private LedgerMigrations() {}

    /** The schema version this vodkit writes. */
    static int latestVersion() {
        return VERSIONS.size();
    }

    static Void apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int current;
            try (ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
                current = rs.next() ? rs.getInt(1) : 0;
            }
            if (current > latestVersion()) {
                throw new SQLException("its schema version " + current + " is newer than this vodkit's ("
                        + latestVersion() + "); upgrade vodkit");
            }
            for (int version = current + 1; version <= latestVersion(); version++) {
                for (String sql : VERSIONS.get(version - 1)) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + version);
            }
        }
        return null;
    }
}

package io.vodkit.emulator.internal.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations tracked in {@code PRAGMA user_version}: migration N runs once, when the file's
 * version is below N, inside the opening transaction. Append new migrations; never edit released ones.
 */
final class Migrations {

    private record Migration(int version, List<String> statements) {}

    private static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, List.of("""
                    CREATE TABLE settings (
                        name  TEXT PRIMARY KEY,
                        value TEXT NOT NULL)""", """
                    CREATE TABLE spaces (
                        name       TEXT PRIMARY KEY,
                        created_at INTEGER NOT NULL)""", """
                    CREATE TABLE upload_sessions (
                        session_key   TEXT PRIMARY KEY,
                        space_name    TEXT NOT NULL REFERENCES spaces(name),
                        store_uri     TEXT NOT NULL,
                        file_name     TEXT NOT NULL,
                        created_at    INTEGER NOT NULL,
                        committed_vid TEXT)""", """
                    CREATE TABLE objects (
                        file_name    TEXT PRIMARY KEY,
                        space_name   TEXT NOT NULL REFERENCES spaces(name),
                        store_uri    TEXT NOT NULL UNIQUE,
                        object_id    TEXT NOT NULL UNIQUE,
                        size         INTEGER NOT NULL,
                        crc32        TEXT NOT NULL,
                        md5          TEXT NOT NULL,
                        content_type TEXT NOT NULL,
                        created_at   INTEGER NOT NULL)""", """
                    CREATE TABLE multipart_uploads (
                        upload_id  TEXT PRIMARY KEY,
                        space_name TEXT NOT NULL REFERENCES spaces(name),
                        store_uri  TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        expires_at INTEGER NOT NULL)""", """
                    CREATE TABLE multipart_parts (
                        upload_id    TEXT NOT NULL REFERENCES multipart_uploads(upload_id) ON DELETE CASCADE,
                        part_number  INTEGER NOT NULL,
                        size         INTEGER NOT NULL,
                        crc32        TEXT NOT NULL,
                        content_type TEXT NOT NULL,
                        PRIMARY KEY (upload_id, part_number))""", """
                    CREATE TABLE media (
                        vid           TEXT PRIMARY KEY,
                        space_name    TEXT NOT NULL REFERENCES spaces(name),
                        session_key   TEXT NOT NULL UNIQUE REFERENCES upload_sessions(session_key),
                        file_name     TEXT NOT NULL,
                        store_uri     TEXT NOT NULL,
                        poster_uri    TEXT NOT NULL,
                        source_info   TEXT NOT NULL,
                        options       TEXT NOT NULL,
                        callback_args TEXT NOT NULL,
                        created_at    INTEGER NOT NULL)""")),
            new Migration(
                    2,
                    List.of(
                            "ALTER TABLE media ADD COLUMN publish_status TEXT NOT NULL DEFAULT 'Unpublished'",
                            """
                    CREATE TABLE executions (
                        run_id           TEXT PRIMARY KEY,
                        space_name       TEXT NOT NULL REFERENCES spaces(name),
                        status           TEXT NOT NULL,
                        code             TEXT NOT NULL,
                        message          TEXT NOT NULL,
                        input            TEXT NOT NULL,
                        operation        TEXT NOT NULL,
                        control          TEXT NOT NULL,
                        source_file_name TEXT NOT NULL,
                        config           TEXT NOT NULL,
                        repair_style     INTEGER NOT NULL,
                        target_height    INTEGER,
                        fps              INTEGER,
                        bit_depth        INTEGER NOT NULL,
                        output           TEXT,
                        report           TEXT,
                        attempts         INTEGER NOT NULL,
                        create_time      INTEGER NOT NULL,
                        start_time       INTEGER,
                        end_time         INTEGER)""",
                            "CREATE INDEX executions_by_status ON executions (status, create_time)")),
            new Migration(3, List.of("""
                    CREATE TABLE url_jobs (
                        job_id        TEXT PRIMARY KEY,
                        request_id    TEXT NOT NULL,
                        space_name    TEXT NOT NULL REFERENCES spaces(name),
                        source_url    TEXT NOT NULL,
                        session_key   TEXT NOT NULL UNIQUE REFERENCES upload_sessions(session_key),
                        expected_md5  TEXT NOT NULL,
                        functions     TEXT NOT NULL,
                        callback_args TEXT NOT NULL,
                        state         TEXT NOT NULL,
                        interruptions INTEGER NOT NULL,
                        vid           TEXT NOT NULL,
                        poster_uri    TEXT NOT NULL,
                        source_info   TEXT NOT NULL,
                        failure       TEXT NOT NULL,
                        created_at    INTEGER NOT NULL,
                        updated_at    INTEGER NOT NULL)""", "CREATE INDEX url_jobs_by_state ON url_jobs (state, created_at)")),
            new Migration(
                    4,
                    List.of(
                            // a merged upload keeps its row (not its parts' bytes) until it expires, so a repeated
                            // merge
                            // of the same parts can be answered again
                            "ALTER TABLE multipart_uploads ADD COLUMN merged_manifest TEXT",
                            // StartExecution looks a job up by its Control.ClientToken (idempotent submission)
                            "CREATE INDEX executions_by_client_token ON executions (json_extract(control, '$.ClientToken'))")),
            new Migration(
                    5,
                    List.of(
                            // the StorageClass asked for at ApplyUploadInfo / in a URLSet, carried to the media at
                            // commit
                            "ALTER TABLE upload_sessions ADD COLUMN storage_class TEXT NOT NULL DEFAULT 'STANDARD'",
                            "ALTER TABLE media ADD COLUMN storage_class TEXT NOT NULL DEFAULT 'STANDARD'",
                            "CREATE INDEX media_by_space ON media (space_name, created_at)",
                            // StartWorkflow: the templates the emulator runs, and what their runs produced per Vid
                            """
                    CREATE TABLE workflow_templates (
                        template_id TEXT PRIMARY KEY,
                        spec        TEXT NOT NULL)""",
                            """
                    CREATE TABLE transcodes (
                        vid         TEXT NOT NULL,
                        template_id TEXT NOT NULL,
                        file_name   TEXT NOT NULL,
                        info        TEXT NOT NULL,
                        PRIMARY KEY (vid, template_id))""")),
            new Migration(
                    6,
                    List.of(
                            // per space: AddCallbackSubscription (url, content_type; url '' = none yet) and
                            // SetCallbackEvent (events, a comma list, NULL until called; auth_enabled; private_key)
                            """
                    CREATE TABLE callback_subscriptions (
                        space_name   TEXT PRIMARY KEY REFERENCES spaces(name),
                        url          TEXT NOT NULL,
                        content_type TEXT NOT NULL,
                        events       TEXT,
                        auth_enabled INTEGER NOT NULL,
                        private_key  TEXT NOT NULL,
                        updated_at   INTEGER NOT NULL)""")),
            new Migration(
                    7,
                    List.of(
                            // StartWorkflow runs asked for and not finished: run again after a restart
                            """
                    CREATE TABLE workflow_runs (
                        vid              TEXT NOT NULL,
                        template_id      TEXT NOT NULL,
                        space_name       TEXT NOT NULL,
                        source_file_name TEXT NOT NULL,
                        callback_args    TEXT,
                        seq              INTEGER NOT NULL,
                        PRIMARY KEY (vid, template_id))""")));

    private Migrations() {}

    /** The schema version the code expects. */
    static int latestVersion() {
        return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
    }

    static Void apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            int current;
            try (ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
                current = rs.next() ? rs.getInt(1) : 0;
            }
            if (current > latestVersion()) {
                throw new SQLException("database schema version " + current + " is newer than this emulator ("
                        + latestVersion() + ")");
            }
            for (Migration migration : MIGRATIONS) {
                if (migration.version() > current) {
                    for (String sql : migration.statements()) {
                        statement.execute(sql);
                    }
                    statement.execute("PRAGMA user_version = " + migration.version());
                }
            }
        }
        return null;
    }
}

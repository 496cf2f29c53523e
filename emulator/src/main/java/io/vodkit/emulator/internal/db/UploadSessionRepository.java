package io.vodkit.emulator.internal.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Table {@code upload_sessions}. */
public final class UploadSessionRepository {
    private static final String COLUMNS = "session_key, space_name, store_uri, file_name, created_at, committed_vid";

    private final Database database;

    public UploadSessionRepository(Database database) {
        this.database = database;
    }

    public void insert(UploadSession session) {
        database.update(
                "INSERT INTO upload_sessions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                session.sessionKey(),
                session.spaceName(),
                session.storeUri(),
                session.fileName(),
                session.createdAt().toEpochMilli(),
                session.committedVid());
    }

    public Optional<UploadSession> find(String sessionKey) {
        return database.first(
                "SELECT " + COLUMNS + " FROM upload_sessions WHERE session_key = ?",
                UploadSessionRepository::read,
                sessionKey);
    }

    /** Records the storage class (STANDARD, ARCHIVE or IA) the media committed from this session gets. */
    public void setStorageClass(String sessionKey, String storageClass) {
        database.update("UPDATE upload_sessions SET storage_class = ? WHERE session_key = ?", storageClass, sessionKey);
    }

    /** The Vid the object at {@code storeUri} was committed as, if any session for it was committed. */
    public Optional<String> committedVidOf(String storeUri) {
        return database.first(
                "SELECT committed_vid FROM upload_sessions WHERE store_uri = ? AND committed_vid IS NOT NULL LIMIT 1",
                rs -> rs.getString(1),
                storeUri);
    }

    /** After {@code vid} was deleted: its FileName is free for a new upload (a repeated commit finds no object). */
    public void forgetDeleted(String vid) {
        database.update("UPDATE upload_sessions SET committed_vid = NULL WHERE committed_vid = ?", vid);
    }

    /** Claims the session for {@code vid}; false when it was already committed (or claimed). */
    public boolean claimForCommit(String sessionKey, String vid) {
        return database.update(
                        "UPDATE upload_sessions SET committed_vid = ? WHERE session_key = ? AND committed_vid IS NULL",
                        vid,
                        sessionKey)
                == 1;
    }

    /** Undoes {@link #claimForCommit} after a failed commit. */
    public void releaseClaim(String sessionKey, String vid) {
        database.update(
                "UPDATE upload_sessions SET committed_vid = NULL WHERE session_key = ? AND committed_vid = ?",
                sessionKey,
                vid);
    }

    /**
     * Sessions granted before {@code cutoff} and never committed, except those of URL pulls (their jobs own them).
     */
    public List<UploadSession> uncommittedBefore(Instant cutoff) {
        return database.list(
                "SELECT " + COLUMNS + " FROM upload_sessions s WHERE committed_vid IS NULL AND created_at < ? "
                        + "AND NOT EXISTS (SELECT 1 FROM url_jobs j WHERE j.session_key = s.session_key)",
                UploadSessionRepository::read,
                cutoff.toEpochMilli());
    }

    /** Deletes the session unless it is committed (or being committed); whether it was deleted. */
    public boolean deleteUncommitted(String sessionKey) {
        return database.update(
                        "DELETE FROM upload_sessions WHERE session_key = ? AND committed_vid IS NULL", sessionKey)
                == 1;
    }

    private static UploadSession read(ResultSet rs) throws SQLException {
        return new UploadSession(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)),
                rs.getString(6));
    }
}

package io.vodkit.emulator.internal.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Table {@code upload_sessions}. */
public final class UploadSessionRepository {
    private final Database database;

    public UploadSessionRepository(Database database) {
        this.database = database;
    }

    public void insert(UploadSession session) {
        database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO upload_sessions (session_key, space_name, store_uri, file_name, created_at, "
                            + "committed_vid) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, session.sessionKey());
                ps.setString(2, session.spaceName());
                ps.setString(3, session.storeUri());
                ps.setString(4, session.fileName());
                ps.setLong(5, session.createdAt().toEpochMilli());
                ps.setString(6, session.committedVid());
                return ps.executeUpdate();
            }
        });
    }

    public Optional<UploadSession> find(String sessionKey) {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT session_key, space_name, store_uri, file_name, created_at, committed_vid "
                            + "FROM upload_sessions WHERE session_key = ?")) {
                ps.setString(1, sessionKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Records the storage class (STANDARD, ARCHIVE or IA) the media committed from this session gets. */
    public void setStorageClass(String sessionKey, String storageClass) {
        database.run(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE upload_sessions SET storage_class = ? WHERE session_key = ?")) {
                ps.setString(1, storageClass);
                ps.setString(2, sessionKey);
                return ps.executeUpdate();
            }
        });
    }

    /** The Vid the object at {@code storeUri} was committed as, if any session for it was committed. */
    public Optional<String> committedVidOf(String storeUri) {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT committed_vid FROM upload_sessions WHERE store_uri = ? AND committed_vid IS NOT NULL "
                            + "LIMIT 1")) {
                ps.setString(1, storeUri);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** After {@code vid} was deleted: its FileName is free for a new upload (a repeated commit finds no object). */
    public void forgetDeleted(String vid) {
        database.run(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE upload_sessions SET committed_vid = NULL WHERE committed_vid = ?")) {
                ps.setString(1, vid);
                return ps.executeUpdate();
            }
        });
    }

    /** Claims the session for {@code vid}; false when it was already committed (or claimed). */
    public boolean claimForCommit(String sessionKey, String vid) {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE upload_sessions SET committed_vid = ? WHERE session_key = ? AND committed_vid IS NULL")) {
                ps.setString(1, vid);
                ps.setString(2, sessionKey);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Undoes {@link #claimForCommit} after a failed commit. */
    public void releaseClaim(String sessionKey, String vid) {
        database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE upload_sessions SET committed_vid = NULL WHERE session_key = ? AND committed_vid = ?")) {
                ps.setString(1, sessionKey);
                ps.setString(2, vid);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Sessions granted before {@code cutoff} and never committed, except those of URL pulls (their jobs own them).
     */
    public List<UploadSession> uncommittedBefore(Instant cutoff) {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT session_key, space_name, store_uri, file_name, created_at, committed_vid "
                            + "FROM upload_sessions s WHERE committed_vid IS NULL AND created_at < ? "
                            + "AND NOT EXISTS (SELECT 1 FROM url_jobs j WHERE j.session_key = s.session_key)")) {
                ps.setLong(1, cutoff.toEpochMilli());
                List<UploadSession> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(read(rs));
                    }
                }
                return List.copyOf(found);
            }
        });
    }

    /** Deletes the session unless it is committed (or being committed); whether it was deleted. */
    public boolean deleteUncommitted(String sessionKey) {
        return database.run(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM upload_sessions WHERE session_key = ? AND committed_vid IS NULL")) {
                ps.setString(1, sessionKey);
                return ps.executeUpdate() == 1;
            }
        });
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

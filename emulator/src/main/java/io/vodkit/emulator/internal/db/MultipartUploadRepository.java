package io.vodkit.emulator.internal.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Table {@code multipart_uploads}. An upload is open until merged; a merged upload keeps its row (with the merged
 * part CRCs) until it expires, and is neither found by {@link #find} nor counted as active.
 */
public final class MultipartUploadRepository {
    private static final String COLUMNS = "upload_id, space_name, store_uri, created_at, expires_at";

    private final Database database;

    public MultipartUploadRepository(Database database) {
        this.database = database;
    }

    public void insert(MultipartUpload upload) {
        database.run(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO multipart_uploads (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, upload.uploadId());
                ps.setString(2, upload.spaceName());
                ps.setString(3, upload.storeUri());
                ps.setLong(4, upload.createdAt().toEpochMilli());
                ps.setLong(5, upload.expiresAt().toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    public Optional<MultipartUpload> find(String uploadId) {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM multipart_uploads WHERE upload_id = ? AND merged_manifest IS NULL")) {
                ps.setString(1, uploadId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Records that the upload was merged from parts with {@code manifest} (their CRCs, comma-separated). */
    public void markMerged(String uploadId, String manifest) {
        database.run(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE multipart_uploads SET merged_manifest = ? WHERE upload_id = ?")) {
                ps.setString(1, manifest);
                ps.setString(2, uploadId);
                return ps.executeUpdate();
            }
        });
    }

    /** The manifest a merged upload of {@code storeUri} was merged with; empty when it is not merged. */
    public Optional<String> mergedManifest(String uploadId, String storeUri) {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT merged_manifest FROM multipart_uploads "
                    + "WHERE upload_id = ? AND store_uri = ? AND merged_manifest IS NOT NULL")) {
                ps.setString(1, uploadId);
                ps.setString(2, storeUri);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Deletes the upload and (by cascade) its part rows. */
    public void delete(String uploadId) {
        database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM multipart_uploads WHERE upload_id = ?")) {
                ps.setString(1, uploadId);
                return ps.executeUpdate();
            }
        });
    }

    public List<MultipartUpload> expiredAt(Instant now) {
        return list("SELECT " + COLUMNS + " FROM multipart_uploads WHERE expires_at <= ?", now);
    }

    /** The ids of every upload on record, expired or not (to find orphaned staging directories). */
    public Set<String> allIds() {
        return database.run(c -> {
            Set<String> ids = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT upload_id FROM multipart_uploads");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return Set.copyOf(ids);
        });
    }

    /** The ids of every upload of {@code storeUri} on record, merged or not. */
    public List<String> idsOf(String storeUri) {
        return database.run(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT upload_id FROM multipart_uploads WHERE store_uri = ?")) {
                ps.setString(1, storeUri);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return List.copyOf(ids);
        });
    }

    public long countActiveAt(Instant now) {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM multipart_uploads WHERE expires_at > ? AND merged_manifest IS NULL")) {
                ps.setLong(1, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    private List<MultipartUpload> list(String sql, Instant bound) {
        return database.run(c -> {
            List<MultipartUpload> uploads = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, bound.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        uploads.add(read(rs));
                    }
                }
            }
            return List.copyOf(uploads);
        });
    }

    private static MultipartUpload read(ResultSet rs) throws SQLException {
        return new MultipartUpload(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)),
                Instant.ofEpochMilli(rs.getLong(5)));
    }
}

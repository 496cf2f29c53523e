package io.vodkit.emulator.internal.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Table {@code multipart_parts}. */
public final class MultipartPartRepository {
    private final Database database;

    public MultipartPartRepository(Database database) {
        this.database = database;
    }

    /** Records the part, replacing an earlier upload of the same part number. */
    public void put(MultipartPart part) {
        database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO multipart_parts (upload_id, part_number, size, crc32, content_type) "
                            + "VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, part.uploadId());
                ps.setInt(2, part.partNumber());
                ps.setLong(3, part.size());
                ps.setString(4, part.crc32());
                ps.setString(5, part.contentType());
                return ps.executeUpdate();
            }
        });
    }

    /** Part {@code partNumber} of the upload, if it was received. */
    public Optional<MultipartPart> find(String uploadId, int partNumber) {
        return database.run(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT upload_id, part_number, size, crc32, content_type FROM multipart_parts "
                            + "WHERE upload_id = ? AND part_number = ?")) {
                ps.setString(1, uploadId);
                ps.setInt(2, partNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The received parts in part-number order. */
    public List<MultipartPart> list(String uploadId) {
        return database.run(c -> {
            List<MultipartPart> parts = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT upload_id, part_number, size, crc32, content_type FROM multipart_parts "
                            + "WHERE upload_id = ? ORDER BY part_number")) {
                ps.setString(1, uploadId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        parts.add(read(rs));
                    }
                }
            }
            return List.copyOf(parts);
        });
    }

    private static MultipartPart read(ResultSet rs) throws SQLException {
        return new MultipartPart(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5));
    }
}

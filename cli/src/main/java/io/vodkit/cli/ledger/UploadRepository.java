package io.vodkit.cli.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Table {@code uploads}: what each local file was when it went up, in insertion order; a file may appear often. */
public final class UploadRepository {
    private static final String COLUMNS =
            "endpoint, space_name, path, size, mtime_ms, md5, vid, file_name, " + "store_uri, poster_uri, uploaded_at";

    private final LedgerDatabase database;

    UploadRepository(LedgerDatabase database) {
        this.database = database;
    }

    public void insert(UploadEntry entry) {
        database.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO uploads (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, entry.endpoint());
                ps.setString(2, entry.spaceName());
                ps.setString(3, entry.path());
                ps.setLong(4, entry.size());
                ps.setLong(5, entry.mtimeMillis());
                ps.setString(6, entry.md5());
                ps.setString(7, entry.vid());
                ps.setString(8, entry.fileName());
                ps.setString(9, entry.storeUri());
                ps.setString(10, entry.posterUri());
                ps.setLong(11, entry.uploadedAt().toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    /** Forgets every file recorded as uploaded as {@code vid} to this space of this service. */
    public void forget(String endpoint, String spaceName, String vid) {
        database.write(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM uploads WHERE endpoint = ? AND space_name = ? AND vid = ?")) {
                ps.setString(1, endpoint);
                ps.setString(2, spaceName);
                ps.setString(3, vid);
                return ps.executeUpdate();
            }
        });
    }

    /** The latest entry for the file at {@code path} in this space of this service. */
    public Optional<UploadEntry> latestByPath(String endpoint, String spaceName, String path) {
        return latest("path = ?", endpoint, spaceName, ps -> ps.setString(3, path));
    }

    /** The latest entry of any file with these bytes in this space of this service. */
    public Optional<UploadEntry> latestByContent(String endpoint, String spaceName, String md5, long size) {
        return latest("md5 = ? AND size = ?", endpoint, spaceName, ps -> {
            ps.setString(3, md5);
            ps.setLong(4, size);
        });
    }

    /** Whether any file of {@code size} bytes is recorded in this space of this service. */
    public boolean anyOfSize(String endpoint, String spaceName, long size) {
        return latest("size = ?", endpoint, spaceName, ps -> ps.setLong(3, size))
                .isPresent();
    }

    /**
     * The Vids of files of {@code size} bytes recorded in this space of this service without their MD5 (the
     * service reported none at commit: see {@link ReportedMd5s}).
     */
    public List<String> vidsWithoutMd5(String endpoint, String spaceName, long size) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT vid FROM uploads WHERE endpoint = ? "
                    + "AND space_name = ? AND size = ? AND md5 = ''")) {
                ps.setString(1, endpoint);
                ps.setString(2, spaceName);
                ps.setLong(3, size);
                List<String> vids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        vids.add(rs.getString(1));
                    }
                }
                return List.copyOf(vids);
            }
        });
    }

    /** Records the MD5 of the files uploaded as {@code vid} that were recorded without one. */
    public void recordMd5(String endpoint, String spaceName, String vid, String md5) {
        database.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE uploads SET md5 = ? WHERE endpoint = ? " + "AND space_name = ? AND vid = ? AND md5 = ''")) {
                ps.setString(1, md5);
                ps.setString(2, endpoint);
                ps.setString(3, spaceName);
                ps.setString(4, vid);
                return ps.executeUpdate();
            }
        });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private Optional<UploadEntry> latest(String condition, String endpoint, String spaceName, Binder more) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM uploads WHERE endpoint = ? "
                    + "AND space_name = ? AND " + condition + " ORDER BY rowid DESC LIMIT 1")) {
                ps.setString(1, endpoint);
                ps.setString(2, spaceName);
                more.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    private static UploadEntry read(ResultSet rs) throws SQLException {
        return new UploadEntry(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                Instant.ofEpochMilli(rs.getLong(11)));
    }
}

package io.vodkit.emulator.internal.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Table {@code objects}. */
public final class ObjectRepository {
    private static final String COLUMNS =
            "file_name, space_name, store_uri, object_id, size, crc32, md5, content_type, created_at";

    private final Database database;

    public ObjectRepository(Database database) {
        this.database = database;
    }

    public Optional<StoredObject> findByFileName(String fileName) {
        return findBy("file_name", fileName);
    }

    public Optional<StoredObject> findByStoreUri(String storeUri) {
        return findBy("store_uri", storeUri);
    }

    /** Inserts the object, replacing any object with the same FileName. */
    public void put(StoredObject object) {
        database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO objects (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, object.fileName());
                ps.setString(2, object.spaceName());
                ps.setString(3, object.storeUri());
                ps.setString(4, object.objectId());
                ps.setLong(5, object.size());
                ps.setString(6, object.crc32());
                ps.setString(7, object.md5());
                ps.setString(8, object.contentType());
                ps.setLong(9, object.createdAt().toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    /** Records the MD5 of object {@code objectId}, computed after it was stored (it was {@code ""} until then). */
    public void recordMd5(String objectId, String md5) {
        database.run(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE objects SET md5 = ? WHERE object_id = ? AND md5 = ''")) {
                ps.setString(1, md5);
                ps.setString(2, objectId);
                return ps.executeUpdate();
            }
        });
    }

    /** Forgets the object with {@code fileName}; returns it, or empty when there was none. */
    public Optional<StoredObject> remove(String fileName) {
        return database.run(c -> {
            Optional<StoredObject> found = findByFileName(fileName);
            if (found.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM objects WHERE file_name = ?")) {
                    ps.setString(1, fileName);
                    ps.executeUpdate();
                }
            }
            return found;
        });
    }

    /** The ids of all stored objects (to find orphaned files at start-up). */
    public Set<String> objectIds() {
        return database.run(c -> {
            Set<String> ids = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT object_id FROM objects");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return Set.copyOf(ids);
        });
    }

    /** Forgets the object stored under {@code storeUri} (its bytes are the caller's to delete). */
    public void deleteByStoreUri(String storeUri) {
        database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM objects WHERE store_uri = ?")) {
                ps.setString(1, storeUri);
                return ps.executeUpdate();
            }
        });
    }

    private Optional<StoredObject> findBy(String column, String value) {
        return database.run(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT " + COLUMNS + " FROM objects WHERE " + column + " = ?")) {
                ps.setString(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    private static StoredObject read(ResultSet rs) throws SQLException {
        return new StoredObject(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                Instant.ofEpochMilli(rs.getLong(9)));
    }
}

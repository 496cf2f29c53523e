package io.vodkit.emulator.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** Table {@code media}. New media is {@value #UNPUBLISHED} (spec §10.1). */
public final class MediaRepository {
    public static final String PUBLISHED = "Published";
    public static final String UNPUBLISHED = "Unpublished";
    private static final String COLUMNS = "vid, space_name, session_key, file_name, store_uri, poster_uri, "
            + "source_info, options, callback_args, created_at";

    private final Database database;

    public MediaRepository(Database database) {
        this.database = database;
    }

    public void insert(MediaRecord media) {
        database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO media (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, media.vid());
                ps.setString(2, media.spaceName());
                ps.setString(3, media.sessionKey());
                ps.setString(4, media.fileName());
                ps.setString(5, media.storeUri());
                ps.setString(6, media.posterUri());
                ps.setString(7, media.sourceInfoJson());
                ps.setString(8, media.optionsJson());
                ps.setString(9, media.callbackArgs());
                ps.setLong(10, media.createdAt().toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    /** How many media assets (Vids) exist. */
    public long count() {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM media");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    public Optional<MediaRecord> find(String vid) {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM media WHERE vid = ?")) {
                ps.setString(1, vid);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new MediaRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                    rs.getString(8), rs.getString(9), Instant.ofEpochMilli(rs.getLong(10))))
                            : Optional.empty();
                }
            }
        });
    }

    /** {@value #PUBLISHED} or {@value #UNPUBLISHED}; empty for an unknown Vid. */
    public Optional<String> publishStatus(String vid) {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT publish_status FROM media WHERE vid = ?")) {
                ps.setString(1, vid);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Sets the publish status; false when the Vid is unknown. */
    public boolean updatePublishStatus(String vid, String status) {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE media SET publish_status = ? WHERE vid = ?")) {
                ps.setString(1, status);
                ps.setString(2, vid);
                return ps.executeUpdate() == 1;
            }
        });
    }
}

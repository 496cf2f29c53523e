package io.vodkit.emulator.internal.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Table {@code media}. New media is {@value #UNPUBLISHED} (spec §10.1). */
public final class MediaRepository {
    public static final String PUBLISHED = "Published";
    public static final String UNPUBLISHED = "Unpublished";
    /** The storage class of media whose upload asked for none. */
    public static final String STANDARD = "STANDARD";
    /** VodUploadSource of a file upload and of a URL pull (media-management.md A14.5). */
    public static final String UPLOAD = "upload";

    public static final String URL_UPLOAD = "url_upload";
    private static final String COLUMNS = "vid, space_name, session_key, file_name, store_uri, poster_uri, "
            + "source_info, options, callback_args, created_at";
    /** The columns of a {@link MediaEntry}: a media made by a URL pull has a job with its session. */
    private static final String ENTRY_COLUMNS = COLUMNS + ", publish_status, storage_class, CASE WHEN EXISTS "
            + "(SELECT 1 FROM url_jobs WHERE url_jobs.session_key = media.session_key) THEN '" + URL_UPLOAD
            + "' ELSE '" + UPLOAD + "' END";

    private final Database database;

    public MediaRepository(Database database) {
        this.database = database;
    }

    public void insert(MediaRecord media) {
        database.update(
                "INSERT INTO media (" + COLUMNS + ", storage_class) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "COALESCE((SELECT storage_class FROM upload_sessions WHERE session_key = ?), ?))",
                media.vid(),
                media.spaceName(),
                media.sessionKey(),
                media.fileName(),
                media.storeUri(),
                media.posterUri(),
                media.sourceInfoJson(),
                media.optionsJson(),
                media.callbackArgs(),
                media.createdAt().toEpochMilli(),
                media.sessionKey(),
                STANDARD);
    }

    /** How many media assets (Vids) exist. */
    public long count() {
        return database.first("SELECT COUNT(*) FROM media", rs -> rs.getLong(1)).orElse(0L);
    }

    public Optional<MediaRecord> find(String vid) {
        return findEntry(vid).map(MediaEntry::media);
    }

    /** The media with its publish status and storage class. */
    public Optional<MediaEntry> findEntry(String vid) {
        return database.first("SELECT " + ENTRY_COLUMNS + " FROM media WHERE vid = ?", MediaRepository::readEntry, vid);
    }

    /**
     * The media of {@code space} created in [{@code from}, {@code to}], oldest first when {@code ascending}, whose
     * publish status and storage class are among the given ones (an empty list: any).
     */
    public List<MediaEntry> listSpace(
            String space,
            Instant from,
            Instant to,
            boolean ascending,
            List<String> statuses,
            List<String> storageClasses) {
        StringBuilder sql = new StringBuilder("SELECT " + ENTRY_COLUMNS + " FROM media "
                + "WHERE space_name = ? AND created_at >= ? AND created_at <= ?");
        List<Object> args = new ArrayList<>(List.of(space, from.toEpochMilli(), to.toEpochMilli()));
        in(sql, args, "publish_status", statuses);
        in(sql, args, "storage_class", storageClasses);
        sql.append(" ORDER BY created_at ").append(ascending ? "ASC" : "DESC").append(", vid");
        return database.list(sql.toString(), MediaRepository::readEntry, args.toArray());
    }

    /** Replaces the AddOptionInfo JSON and the PosterUri; false when the Vid is unknown. */
    public boolean updateInfo(String vid, String optionsJson, String posterUri) {
        return database.update(
                        "UPDATE media SET options = ?, poster_uri = ? WHERE vid = ?", optionsJson, posterUri, vid)
                == 1;
    }

    /** Sets the storage class; false when the Vid is unknown. */
    public boolean updateStorageClass(String vid, String storageClass) {
        return database.update("UPDATE media SET storage_class = ? WHERE vid = ?", storageClass, vid) == 1;
    }

    /** Removes the media row; false when the Vid is unknown. */
    public boolean delete(String vid) {
        return database.update("DELETE FROM media WHERE vid = ?", vid) == 1;
    }

    private static void in(StringBuilder sql, List<Object> args, String column, List<String> values) {
        if (!values.isEmpty()) {
            sql.append(" AND ")
                    .append(column)
                    .append(" IN (")
                    .append(String.join(", ", Collections.nCopies(values.size(), "?")))
                    .append(')');
            args.addAll(values);
        }
    }

    private static MediaEntry readEntry(ResultSet rs) throws SQLException {
        return new MediaEntry(
                new MediaRecord(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        Instant.ofEpochMilli(rs.getLong(10))),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13));
    }

    /** {@value #PUBLISHED} or {@value #UNPUBLISHED}; empty for an unknown Vid. */
    public Optional<String> publishStatus(String vid) {
        return database.first("SELECT publish_status FROM media WHERE vid = ?", rs -> rs.getString(1), vid);
    }

    /** Sets the publish status; false when the Vid is unknown. */
    public boolean updatePublishStatus(String vid, String status) {
        return database.update("UPDATE media SET publish_status = ? WHERE vid = ?", status, vid) == 1;
    }
}

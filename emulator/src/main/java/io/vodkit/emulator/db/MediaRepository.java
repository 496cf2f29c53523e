package io.vodkit.emulator.db;

import java.sql.PreparedStatement;

/** Table {@code media}. */
public final class MediaRepository {
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
}

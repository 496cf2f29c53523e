package io.vodkit.emulator.internal.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Table {@code spaces}: every space this data directory has known. */
public final class SpaceRepository {
    private final Database database;

    public SpaceRepository(Database database) {
        this.database = database;
    }

    /** Adds the space unless it is already known. */
    public void upsert(String name, Instant now) {
        database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO spaces (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                ps.setString(1, name);
                ps.setLong(2, now.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    public boolean exists(String name) {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM spaces WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    public List<String> names() {
        return database.run(c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM spaces ORDER BY name");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return List.copyOf(names);
        });
    }
}

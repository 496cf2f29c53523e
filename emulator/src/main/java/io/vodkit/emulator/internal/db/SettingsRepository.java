package io.vodkit.emulator.internal.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.function.Supplier;

/** Table {@code settings}: named values the emulator keeps across restarts (port, secrets, domain keys). */
public final class SettingsRepository {
    private final Database database;

    public SettingsRepository(Database database) {
        this.database = database;
    }

    public Optional<String> find(String name) {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void put(String name, String value) {
        database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO settings (name, value) VALUES (?, ?) "
                    + "ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, name);
                ps.setString(2, value);
                return ps.executeUpdate();
            }
        });
    }

    /** The stored value, or {@code initial}'s value stored now (once, even under concurrent callers). */
    public String findOrCreate(String name, Supplier<String> initial) {
        return database.transaction(c -> find(name).orElseGet(() -> {
            String value = initial.get();
            put(name, value);
            return value;
        }));
    }
}

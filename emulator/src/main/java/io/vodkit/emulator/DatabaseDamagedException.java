package io.vodkit.emulator;

import java.io.IOException;
import java.nio.file.Path;

/** The database file is not a SQLite database, or {@code PRAGMA quick_check} found it damaged. */
public final class DatabaseDamagedException extends IOException {
    private final transient Path file;

    public DatabaseDamagedException(Path file, String problem, Throwable cause) {
        super(
                "the database " + file + " is damaged (" + problem + "); move it aside to start with an empty one, "
                        + "or put back a copy",
                cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}

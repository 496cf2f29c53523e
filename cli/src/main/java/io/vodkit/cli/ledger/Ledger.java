package io.vodkit.cli.ledger;

import io.vodkit.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * vodkit's memory of what this machine sent where: {@code $VODKIT_HOME/ledger.db}, a SQLite file with the local
 * files uploaded ({@link #uploads()}) and the URL pulls and restorations submitted ({@link #jobs()}). Safe to share
 * between the threads of one process and between vodkit processes.
 */
public final class Ledger implements AutoCloseable {
    public static final String FILE_NAME = "ledger.db";

    private final LedgerDatabase database;
    private final UploadRepository uploads;
    private final JobRepository jobs;

    private Ledger(LedgerDatabase database) {
        this.database = database;
        this.uploads = new UploadRepository(database);
        this.jobs = new JobRepository(database);
    }

    /**
     * Opens (creating if needed) the ledger in {@code home} and brings its schema up to date.
     *
     * @throws CliException (invalid input) naming the file and why, when it cannot be opened or is not a ledger
     */
    public static Ledger open(Path home) {
        Path file = home.resolve(FILE_NAME);
        LedgerDatabase database = null;
        try {
            Files.createDirectories(home);
            SqliteLibraryCache.useIn(home);
            database = LedgerDatabase.open(file);
            database.write(LedgerMigrations::apply);
            return new Ledger(database);
        } catch (IOException | SQLException | CliException e) {
            if (database != null) {
                database.close();
            }
            String reason = e instanceof IOException io
                    ? io.getClass().getSimpleName() + ": " + io.getMessage()
                    : e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw CliException.invalidInput("cannot open the vodkit ledger " + file + " (" + reason
                    + "); point VODKIT_HOME or --home at a writable folder");
        }
    }

    public UploadRepository uploads() {
        return uploads;
    }

    public JobRepository jobs() {
        return jobs;
    }

    @Override
    public void close() {
        database.close();
    }
}

package io.vodkit.cli.ledger;

import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * The ledger's SQLite file behind one connection. Threads of one process take turns on it; other vodkit processes
 * wait for each other through SQLite's locks: WAL (readers never block the writer), a busy timeout, and writes
 * that take the write lock when they begin ({@code BEGIN IMMEDIATE}), so two writers never deadlock on an upgrade.
 */
final class LedgerDatabase implements AutoCloseable {
    /** How long a statement waits for another process's write before it fails. */
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(30);

    /** Work against the connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection connection;

    private LedgerDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    static LedgerDatabase open(Path file) throws SQLException, IOException {
        createInWalMode(file);
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return new LedgerDatabase(file, config.createConnection("jdbc:sqlite:" + file));
    }

    /**
     * Makes a missing ledger file already in WAL mode, so that runs opening it at once find nothing to switch: when
     * two first runs each turned a new file's rollback journal into WAL, one could trip over the journal the other
     * had just deleted ({@code SQLITE_IOERR_DELETE_NOENT}). The file is made beside and hard-linked into place,
     * which fails, rather than replaces, when another run got there first.
     */
    private static void createInWalMode(Path file) throws SQLException, IOException {
        if (Files.exists(file)) {
            return;
        }
        Path fresh = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".new");
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.createConnection("jdbc:sqlite:" + fresh).close();
            Files.createLink(file, fresh);
        } catch (FileAlreadyExistsException e) {
            // another run made it first: open that one
        } finally {
            for (String side : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(fresh + side));
            }
        }
    }

    /** Runs {@code work} as one statement sequence in auto-commit mode. */
    synchronized <T> T read(Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs {@code work} in one write transaction; rolls it back if it throws. */
    synchronized <T> T write(Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private CliException failure(SQLException e) {
        return new CliException(
                ExitCodes.FAILED, "the vodkit ledger " + file + " failed: " + e.getMessage(), Map.of(), e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }
}

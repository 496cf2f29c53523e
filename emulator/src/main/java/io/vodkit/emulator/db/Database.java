package io.vodkit.emulator.db;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The emulator's SQLite file (WAL mode) behind one connection. Work runs under a re-entrant lock, so repository
 * calls made inside {@link #transaction} join that transaction.
 */
public final class Database implements AutoCloseable {

    /** Work against the connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private int transactionDepth;

    private Database(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating if needed) the database file and migrates it to the latest schema. */
    public static Database open(Path file) throws IOException {
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA synchronous = NORMAL");
                statement.execute("PRAGMA foreign_keys = ON");
                statement.execute("PRAGMA busy_timeout = 5000");
            }
            Database database = new Database(connection);
            database.transaction(Migrations::apply);
            return database;
        } catch (SQLException | DatabaseException e) {
            throw new IOException("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in auto-commit mode, or inside the caller's transaction when one is open. */
    public <T> T run(SqlWork<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DatabaseException("database error: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in one transaction (joining an outer one); rolls back if it throws. */
    public <T> T transaction(SqlWork<T> work) {
        lock.lock();
        try {
            boolean outermost = transactionDepth == 0;
            if (outermost) {
                connection.setAutoCommit(false);
            }
            transactionDepth++;
            try {
                T result = work.run(connection);
                if (outermost) {
                    connection.commit();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                if (outermost) {
                    connection.rollback();
                }
                throw e;
            } finally {
                transactionDepth--;
                if (outermost) {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("database error: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DatabaseException("cannot close database: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}

package io.vodkit.emulator.internal.db;

import io.vodkit.emulator.DatabaseDamagedException;
import io.vodkit.emulator.internal.storage.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /** Reads the row a result set stands on. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** The files SQLite keeps beside the database in WAL mode. */
    private static final List<String> SIDE_FILES = List.of("-wal", "-shm", "-journal");

    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private int transactionDepth;

    private Database(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens (creating if needed) the database file, checks it ({@code PRAGMA quick_check}) and migrates it to the
     * latest schema. The file, and the {@code -wal} and {@code -shm} files SQLite makes beside it with the same mode,
     * are readable by their owner only (mode 600): they hold the emulator's keys.
     *
     * @throws DatabaseDamagedException when the file is not a database or is damaged
     */
    public static Database open(Path file) throws IOException {
        PrivateFiles.createFile(file);
        for (String suffix : SIDE_FILES) {
            PrivateFiles.restrict(file.resolveSibling(file.getFileName() + suffix));
        }
        Connection connection = null;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 5000");
                check(file, statement);
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA synchronous = NORMAL");
                statement.execute("PRAGMA foreign_keys = ON");
            }
            Database database = new Database(connection);
            database.transaction(Migrations::apply);
            return database;
        } catch (SQLException | DatabaseException e) {
            closeQuietly(connection);
            if (damaged(e)) {
                throw new DatabaseDamagedException(file, describe(e), e);
            }
            throw new IOException("cannot open database " + file + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** {@code PRAGMA quick_check}: anything but {@code ok} means the file is damaged. */
    private static void check(Path file, Statement statement) throws SQLException, DatabaseDamagedException {
        List<String> problems = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("PRAGMA quick_check(3)")) {
            while (rs.next()) {
                problems.add(rs.getString(1));
            }
        }
        if (!problems.equals(List.of("ok"))) {
            throw new DatabaseDamagedException(file, String.join("; ", problems), null);
        }
    }

    /** SQLITE_CORRUPT or SQLITE_NOTADB, however wrapped. */
    private static boolean damaged(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && (sql.getErrorCode() == SQLITE_CORRUPT || sql.getErrorCode() == SQLITE_NOTADB)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).lines().findFirst().orElse("");
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already failing
            }
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

    /**
     * Runs an INSERT, UPDATE or DELETE, binding {@code args} (String, Integer, Long or null) to its parameters in order.
     *
     * @return how many rows it changed
     */
    public int update(String sql, Object... args) {
        return run(c -> {
            try (PreparedStatement ps = prepare(c, sql, args)) {
                return ps.executeUpdate();
            }
        });
    }

    /** The first row the query selects, read by {@code reader}; empty when it selects none. */
    public <T> Optional<T> first(String sql, RowReader<T> reader, Object... args) {
        return run(c -> {
            try (PreparedStatement ps = prepare(c, sql, args);
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
            }
        });
    }

    /** Every row the query selects, read by {@code reader}. */
    public <T> List<T> list(String sql, RowReader<T> reader, Object... args) {
        return run(c -> {
            List<T> rows = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, sql, args);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return List.copyOf(rows);
        });
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    /**
     * How many rows of {@code table} have {@code column} equal to one of {@code values}.
     *
     * @param table a table name from the code, never from input
     * @param column a column name from the code, never from input
     */
    public int countWhereIn(String table, String column, List<String> values) {
        String sql =
                "SELECT COUNT(*) FROM " + table + " WHERE " + column + " IN (" + "?, ".repeat(values.size() - 1) + "?)";
        return first(sql, rs -> rs.getInt(1), values.toArray()).orElse(0);
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

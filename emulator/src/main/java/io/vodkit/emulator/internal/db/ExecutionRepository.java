package io.vodkit.emulator.internal.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Table {@code executions}: the persistent queue and state of restoration jobs. */
public final class ExecutionRepository {
    private static final String COLUMNS = "run_id, space_name, status, code, message, input, operation, control, "
            + "source_file_name, config, repair_style, target_height, fps, bit_depth, output, report, attempts, "
            + "create_time, start_time, end_time";

    private final Database database;

    public ExecutionRepository(Database database) {
        this.database = database;
    }

    public void insert(ExecutionRecord e) {
        database.update(
                "INSERT INTO executions (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.runId(),
                e.spaceName(),
                e.status(),
                e.code(),
                e.message(),
                e.inputJson(),
                e.operationJson(),
                e.controlJson(),
                e.sourceFileName(),
                e.config(),
                e.repairStyle(),
                e.targetHeight(),
                e.fps(),
                e.bitDepth(),
                e.outputJson(),
                e.reportJson(),
                e.attempts(),
                e.createTime().toEpochMilli(),
                millis(e.startTime()),
                millis(e.endTime()));
    }

    public Optional<ExecutionRecord> find(String runId) {
        return database.first(
                "SELECT " + COLUMNS + " FROM executions WHERE run_id = ?", ExecutionRepository::read, runId);
    }

    /** Moves the oldest {@code PendingStart} job to {@code Running} (one more attempt) and returns it. */
    public Optional<ExecutionRecord> claimNext(Instant now) {
        return database.transaction(c -> {
            Optional<String> next = database.first(
                    "SELECT run_id FROM executions WHERE status = ? ORDER BY create_time, rowid LIMIT 1",
                    rs -> rs.getString(1),
                    ExecutionRecord.PENDING_START);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            database.update(
                    "UPDATE executions SET status = ?, start_time = ?, attempts = attempts + 1 WHERE run_id = ?",
                    ExecutionRecord.RUNNING,
                    now.toEpochMilli(),
                    next.get());
            return find(next.get());
        });
    }

    /** Ends a job: {@code Success} with its output and report, or {@code Failed} with a code and message. */
    public void finish(
            String runId,
            String status,
            String code,
            String message,
            String outputJson,
            String reportJson,
            Instant endTime) {
        database.update(
                "UPDATE executions SET status = ?, code = ?, message = ?, output = ?, report = ?, end_time = ? "
                        + "WHERE run_id = ?",
                status,
                code,
                message,
                outputJson,
                reportJson,
                endTime.toEpochMilli(),
                runId);
    }

    /**
     * After a restart: jobs left {@code Running} go back to {@code PendingStart}, except those already started
     * {@code maxAttempts} times, which fail with {@code failCode}.
     *
     * @return how many jobs were put back in the queue
     */
    public int requeueInterrupted(int maxAttempts, String failCode, Instant now) {
        return database.transaction(c -> {
            database.update(
                    "UPDATE executions SET status = ?, code = ?, message = ?, end_time = ? "
                            + "WHERE status = ? AND attempts >= ?",
                    ExecutionRecord.FAILED,
                    failCode,
                    "interrupted " + maxAttempts + " times",
                    now.toEpochMilli(),
                    ExecutionRecord.RUNNING,
                    maxAttempts);
            return database.update(
                    "UPDATE executions SET status = ?, start_time = NULL WHERE status = ?",
                    ExecutionRecord.PENDING_START,
                    ExecutionRecord.RUNNING);
        });
    }

    /** The job submitted with {@code Control.ClientToken} = {@code clientToken}, if any. */
    public Optional<ExecutionRecord> findByClientToken(String clientToken) {
        return database.first(
                "SELECT " + COLUMNS + " FROM executions "
                        + "WHERE json_extract(control, '$.ClientToken') = ? ORDER BY create_time LIMIT 1",
                ExecutionRepository::read,
                clientToken);
    }

    /** The StoreUris of the outputs of the finished restorations of {@code vid} (Input.Type Vid). */
    public List<String> outputStoreUrisOf(String vid) {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT json_extract(output, '$.Task.Enhance.StoreUri') "
                    + "FROM executions WHERE json_extract(input, '$.Vid') = ? AND output IS NOT NULL")) {
                ps.setString(1, vid);
                List<String> uris = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(1) != null) {
                            uris.add(rs.getString(1));
                        }
                    }
                }
                return List.copyOf(uris);
            }
        });
    }

    /** Jobs waiting for a worker. */
    public int countPending() {
        return countWithStatus(ExecutionRecord.PENDING_START);
    }

    /** Jobs not finished yet: waiting for a worker or running. */
    public int countUnfinished() {
        return countWithStatus(ExecutionRecord.PENDING_START, ExecutionRecord.RUNNING);
    }

    private int countWithStatus(String... statuses) {
        return database.countWhereIn("executions", "status", List.of(statuses));
    }

    private static ExecutionRecord read(ResultSet rs) throws SQLException {
        return new ExecutionRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getInt(11),
                integer(rs, 12),
                integer(rs, 13),
                rs.getInt(14),
                rs.getString(15),
                rs.getString(16),
                rs.getInt(17),
                Instant.ofEpochMilli(rs.getLong(18)),
                instant(rs, 19),
                instant(rs, 20));
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    /** The column value of an instant that may be missing. */
    private static Long millis(Instant value) {
        return value == null ? null : value.toEpochMilli();
    }
}

package io.vodkit.emulator.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
        database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO executions (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, e.runId());
                ps.setString(2, e.spaceName());
                ps.setString(3, e.status());
                ps.setString(4, e.code());
                ps.setString(5, e.message());
                ps.setString(6, e.inputJson());
                ps.setString(7, e.operationJson());
                ps.setString(8, e.controlJson());
                ps.setString(9, e.sourceFileName());
                ps.setString(10, e.config());
                ps.setInt(11, e.repairStyle());
                setInteger(ps, 12, e.targetHeight());
                setInteger(ps, 13, e.fps());
                ps.setInt(14, e.bitDepth());
                ps.setString(15, e.outputJson());
                ps.setString(16, e.reportJson());
                ps.setInt(17, e.attempts());
                ps.setLong(18, e.createTime().toEpochMilli());
                setInstant(ps, 19, e.startTime());
                setInstant(ps, 20, e.endTime());
                return ps.executeUpdate();
            }
        });
    }

    public Optional<ExecutionRecord> find(String runId) {
        return database.run(c -> find(c, runId));
    }

    /** Moves the oldest {@code PendingStart} job to {@code Running} (one more attempt) and returns it. */
    public Optional<ExecutionRecord> claimNext(Instant now) {
        return database.transaction(c -> {
            String runId;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT run_id FROM executions WHERE status = ? " + "ORDER BY create_time, rowid LIMIT 1")) {
                ps.setString(1, ExecutionRecord.PENDING_START);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    runId = rs.getString(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE executions SET status = ?, start_time = ?, "
                    + "attempts = attempts + 1 WHERE run_id = ?")) {
                ps.setString(1, ExecutionRecord.RUNNING);
                ps.setLong(2, now.toEpochMilli());
                ps.setString(3, runId);
                ps.executeUpdate();
            }
            return find(c, runId);
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
        database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE executions SET status = ?, code = ?, "
                    + "message = ?, output = ?, report = ?, end_time = ? WHERE run_id = ?")) {
                ps.setString(1, status);
                ps.setString(2, code);
                ps.setString(3, message);
                ps.setString(4, outputJson);
                ps.setString(5, reportJson);
                ps.setLong(6, endTime.toEpochMilli());
                ps.setString(7, runId);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * After a restart: jobs left {@code Running} go back to {@code PendingStart}, except those already started
     * {@code maxAttempts} times, which fail with {@code failCode}.
     *
     * @return how many jobs were put back in the queue
     */
    public int requeueInterrupted(int maxAttempts, String failCode, Instant now) {
        return database.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE executions SET status = ?, code = ?, "
                    + "message = ?, end_time = ? WHERE status = ? AND attempts >= ?")) {
                ps.setString(1, ExecutionRecord.FAILED);
                ps.setString(2, failCode);
                ps.setString(3, "interrupted " + maxAttempts + " times");
                ps.setLong(4, now.toEpochMilli());
                ps.setString(5, ExecutionRecord.RUNNING);
                ps.setInt(6, maxAttempts);
                ps.executeUpdate();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE executions SET status = ?, start_time = NULL WHERE status = ?")) {
                ps.setString(1, ExecutionRecord.PENDING_START);
                ps.setString(2, ExecutionRecord.RUNNING);
                return ps.executeUpdate();
            }
        });
    }

    /** The job submitted with {@code Control.ClientToken} = {@code clientToken}, if any. */
    public Optional<ExecutionRecord> findByClientToken(String clientToken) {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM executions "
                    + "WHERE json_extract(control, '$.ClientToken') = ? ORDER BY create_time LIMIT 1")) {
                ps.setString(1, clientToken);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
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

    private static Optional<ExecutionRecord> find(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM executions WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
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

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value.toEpochMilli());
        }
    }
}

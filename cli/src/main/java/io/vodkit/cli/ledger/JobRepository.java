package io.vodkit.cli.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Table {@code jobs}: one row per (service, kind, id). Recording a job again updates what is known about it and
 * keeps when it was first recorded, and a source or space already known.
 */
public final class JobRepository {
    private static final String COLUMNS = "endpoint, kind, job_id, space_name, source, state, service_state, vid, "
            + "output, error, submitted_at, updated_at, report";

    private final LedgerDatabase database;

    JobRepository(LedgerDatabase database) {
        this.database = database;
    }

    public void record(JobEntry job) {
        database.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO jobs (" + COLUMNS + ") VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (endpoint, kind, job_id) DO UPDATE SET "
                    + "space_name = CASE WHEN space_name = '' THEN excluded.space_name ELSE space_name END, "
                    + "source = CASE WHEN source = '' THEN excluded.source ELSE source END, "
                    + "state = excluded.state, service_state = excluded.service_state, vid = excluded.vid, "
                    + "output = excluded.output, error = excluded.error, updated_at = excluded.updated_at, "
                    + "report = CASE WHEN excluded.report = '' THEN report ELSE excluded.report END")) {
                ps.setString(1, job.endpoint());
                ps.setString(2, job.kind().wireName());
                ps.setString(3, job.jobId());
                ps.setString(4, job.spaceName());
                ps.setString(5, job.source());
                ps.setString(6, job.state().wireName());
                ps.setString(7, job.serviceState());
                ps.setString(8, job.vid());
                ps.setString(9, job.output());
                ps.setString(10, job.error());
                ps.setLong(11, job.submittedAt().toEpochMilli());
                ps.setLong(12, job.updatedAt().toEpochMilli());
                ps.setString(13, job.report());
                return ps.executeUpdate();
            }
        });
    }

    /** The restoration of {@code endpoint} whose output is {@code fileName} in {@code spaceName}, if known here. */
    public Optional<JobEntry> restorationWithOutput(String endpoint, String spaceName, String fileName) {
        return list(endpoint, Optional.of(JobKind.RESTORE), Optional.empty(), Optional.of(spaceName)).stream()
                .filter(job -> job.output().equals(fileName))
                .reduce((first, second) -> second);
    }

    /** The jobs of {@code endpoint}, oldest first, narrowed by each filter given. */
    public List<JobEntry> list(
            String endpoint, Optional<JobKind> kind, Optional<JobState> state, Optional<String> spaceName) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM jobs WHERE endpoint = ?");
        List<String> values = new ArrayList<>(List.of(endpoint));
        kind.ifPresent(k -> {
            sql.append(" AND kind = ?");
            values.add(k.wireName());
        });
        state.ifPresent(s -> {
            sql.append(" AND state = ?");
            values.add(s.wireName());
        });
        spaceName.ifPresent(s -> {
            sql.append(" AND space_name = ?");
            values.add(s);
        });
        sql.append(" ORDER BY submitted_at, rowid");
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    ps.setString(i + 1, values.get(i));
                }
                List<JobEntry> jobs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(read(rs));
                    }
                }
                return jobs;
            }
        });
    }

    private static JobEntry read(ResultSet rs) throws SQLException {
        String kind = rs.getString(2);
        String state = rs.getString(6);
        return new JobEntry(
                rs.getString(1),
                JobKind.fromWire(kind).orElseThrow(() -> new SQLException("unknown job kind '" + kind + "'")),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                JobState.fromWire(state).orElseThrow(() -> new SQLException("unknown job state '" + state + "'")),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                Instant.ofEpochMilli(rs.getLong(11)),
                Instant.ofEpochMilli(rs.getLong(12)),
                rs.getString(13));
    }
}

package io.vodkit.emulator.internal.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Table {@code url_jobs}. State changes are conditional on the state they leave, so a job is claimed by exactly one
 * worker and a finished job never changes again.
 */
public final class UrlJobRepository {
    private static final String COLUMNS = "job_id, request_id, space_name, source_url, session_key, expected_md5, "
            + "functions, callback_args, state, interruptions, vid, poster_uri, source_info, failure, created_at, "
            + "updated_at";

    private final Database database;

    public UrlJobRepository(Database database) {
        this.database = database;
    }

    public void insert(UrlJob job) {
        database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO url_jobs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, job.jobId());
                ps.setString(2, job.requestId());
                ps.setString(3, job.spaceName());
                ps.setString(4, job.sourceUrl());
                ps.setString(5, job.sessionKey());
                ps.setString(6, job.expectedMd5());
                ps.setString(7, job.functionsJson());
                ps.setString(8, job.callbackArgs());
                ps.setString(9, job.state().wireName());
                ps.setInt(10, job.interruptions());
                ps.setString(11, job.vid());
                ps.setString(12, job.posterUri());
                ps.setString(13, job.sourceInfoJson());
                ps.setString(14, job.failure());
                ps.setLong(15, job.createdAt().toEpochMilli());
                ps.setLong(16, job.updatedAt().toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    public Optional<UrlJob> find(String jobId) {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM url_jobs WHERE job_id = ?")) {
                ps.setString(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The newest job of {@code space} pulling {@code sourceUrl} into {@code fileName} that has not failed. */
    public Optional<UrlJob> findUnfailed(String space, String fileName, String sourceUrl) {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM url_jobs "
                    + "WHERE space_name = ? AND source_url = ? AND state <> ? AND session_key IN "
                    + "(SELECT session_key FROM upload_sessions WHERE file_name = ?) "
                    + "ORDER BY created_at DESC LIMIT 1")) {
                ps.setString(1, space);
                ps.setString(2, sourceUrl);
                ps.setString(3, UrlJobState.FAILED.wireName());
                ps.setString(4, fileName);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Moves the oldest {@code initial} job to {@code processing} and returns it; empty when none waits. */
    public Optional<UrlJob> claimNext(Instant now) {
        return database.transaction(c -> {
            String jobId;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT job_id FROM url_jobs WHERE state = ? " + "ORDER BY created_at, job_id LIMIT 1")) {
                ps.setString(1, UrlJobState.INITIAL.wireName());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    jobId = rs.getString(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE url_jobs SET state = ?, updated_at = ? WHERE job_id = ? AND state = ?")) {
                ps.setString(1, UrlJobState.PROCESSING.wireName());
                ps.setLong(2, now.toEpochMilli());
                ps.setString(3, jobId);
                ps.setString(4, UrlJobState.INITIAL.wireName());
                ps.executeUpdate();
            }
            return find(jobId);
        });
    }

    /** A claimed job succeeded. */
    public void succeed(String jobId, String vid, String posterUri, String sourceInfoJson, Instant now) {
        database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE url_jobs SET state = ?, vid = ?, poster_uri = ?, "
                    + "source_info = ?, updated_at = ? WHERE job_id = ? AND state = ?")) {
                ps.setString(1, UrlJobState.SUCCESS.wireName());
                ps.setString(2, vid);
                ps.setString(3, posterUri);
                ps.setString(4, sourceInfoJson);
                ps.setLong(5, now.toEpochMilli());
                ps.setString(6, jobId);
                ps.setString(7, UrlJobState.PROCESSING.wireName());
                return ps.executeUpdate();
            }
        });
    }

    /** A claimed job failed for {@code reason}. */
    public void fail(String jobId, String reason, Instant now) {
        database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE url_jobs SET state = ?, failure = ?, " + "updated_at = ? WHERE job_id = ? AND state = ?")) {
                ps.setString(1, UrlJobState.FAILED.wireName());
                ps.setString(2, reason);
                ps.setLong(3, now.toEpochMilli());
                ps.setString(4, jobId);
                ps.setString(5, UrlJobState.PROCESSING.wireName());
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Start-up recovery: every {@code processing} job was cut short by the previous stop. Its interruption count goes
     * up; a job interrupted {@code maxInterruptions} times fails with {@code "interrupted N times"}, the others go
     * back to {@code initial}.
     *
     * @return the jobs sent back to {@code initial}
     */
    public int recoverInterrupted(int maxInterruptions, Instant now) {
        return database.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE url_jobs SET interruptions = interruptions + 1, " + "updated_at = ? WHERE state = ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setString(2, UrlJobState.PROCESSING.wireName());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE url_jobs SET state = ?, "
                    + "failure = 'interrupted ' || interruptions || ' times' WHERE state = ? AND interruptions >= ?")) {
                ps.setString(1, UrlJobState.FAILED.wireName());
                ps.setString(2, UrlJobState.PROCESSING.wireName());
                ps.setInt(3, maxInterruptions);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE url_jobs SET state = ? WHERE state = ?")) {
                ps.setString(1, UrlJobState.INITIAL.wireName());
                ps.setString(2, UrlJobState.PROCESSING.wireName());
                return ps.executeUpdate();
            }
        });
    }

    /** Jobs waiting to be fetched. */
    public int countInitial() {
        return countInState(UrlJobState.INITIAL);
    }

    /** Jobs not finished yet: waiting to be fetched or being fetched. */
    public int countUnfinished() {
        return countInState(UrlJobState.INITIAL, UrlJobState.PROCESSING);
    }

    private int countInState(UrlJobState... states) {
        return database.countWhereIn(
                "url_jobs",
                "state",
                Arrays.stream(states).map(UrlJobState::wireName).toList());
    }

    private static UrlJob read(ResultSet rs) throws SQLException {
        return new UrlJob(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                UrlJobState.fromWire(rs.getString(9)),
                rs.getInt(10),
                rs.getString(11),
                rs.getString(12),
                rs.getString(13),
                rs.getString(14),
                Instant.ofEpochMilli(rs.getLong(15)),
                Instant.ofEpochMilli(rs.getLong(16)));
    }
}

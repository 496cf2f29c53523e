package io.vodkit.emulator.internal.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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
        database.update(
                "INSERT INTO url_jobs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                job.jobId(),
                job.requestId(),
                job.spaceName(),
                job.sourceUrl(),
                job.sessionKey(),
                job.expectedMd5(),
                job.functionsJson(),
                job.callbackArgs(),
                job.state().wireName(),
                job.interruptions(),
                job.vid(),
                job.posterUri(),
                job.sourceInfoJson(),
                job.failure(),
                job.createdAt().toEpochMilli(),
                job.updatedAt().toEpochMilli());
    }

    public Optional<UrlJob> find(String jobId) {
        return database.first("SELECT " + COLUMNS + " FROM url_jobs WHERE job_id = ?", UrlJobRepository::read, jobId);
    }

    /** The newest job of {@code space} pulling {@code sourceUrl} into {@code fileName} that has not failed. */
    public Optional<UrlJob> findUnfailed(String space, String fileName, String sourceUrl) {
        return database.first(
                "SELECT " + COLUMNS + " FROM url_jobs "
                        + "WHERE space_name = ? AND source_url = ? AND state <> ? AND session_key IN "
                        + "(SELECT session_key FROM upload_sessions WHERE file_name = ?) "
                        + "ORDER BY created_at DESC LIMIT 1",
                UrlJobRepository::read,
                space,
                sourceUrl,
                UrlJobState.FAILED.wireName(),
                fileName);
    }

    /** Moves the oldest {@code initial} job to {@code processing} and returns it; empty when none waits. */
    public Optional<UrlJob> claimNext(Instant now) {
        return database.transaction(c -> {
            Optional<String> next = database.first(
                    "SELECT job_id FROM url_jobs WHERE state = ? ORDER BY created_at, job_id LIMIT 1",
                    rs -> rs.getString(1),
                    UrlJobState.INITIAL.wireName());
            if (next.isEmpty()) {
                return Optional.empty();
            }
            database.update(
                    "UPDATE url_jobs SET state = ?, updated_at = ? WHERE job_id = ? AND state = ?",
                    UrlJobState.PROCESSING.wireName(),
                    now.toEpochMilli(),
                    next.get(),
                    UrlJobState.INITIAL.wireName());
            return find(next.get());
        });
    }

    /** A claimed job succeeded. */
    public void succeed(String jobId, String vid, String posterUri, String sourceInfoJson, Instant now) {
        database.update(
                "UPDATE url_jobs SET state = ?, vid = ?, poster_uri = ?, source_info = ?, updated_at = ? "
                        + "WHERE job_id = ? AND state = ?",
                UrlJobState.SUCCESS.wireName(),
                vid,
                posterUri,
                sourceInfoJson,
                now.toEpochMilli(),
                jobId,
                UrlJobState.PROCESSING.wireName());
    }

    /** A claimed job failed for {@code reason}. */
    public void fail(String jobId, String reason, Instant now) {
        database.update(
                "UPDATE url_jobs SET state = ?, failure = ?, updated_at = ? WHERE job_id = ? AND state = ?",
                UrlJobState.FAILED.wireName(),
                reason,
                now.toEpochMilli(),
                jobId,
                UrlJobState.PROCESSING.wireName());
    }

    /** What start-up recovery did: how many jobs wait again, and the jobs it failed. */
    public record Recovery(int requeued, List<UrlJob> failed) {}

    /**
     * Start-up recovery: every {@code processing} job was cut short by the previous stop. Its interruption count goes
     * up; a job interrupted {@code maxInterruptions} times fails with {@code "interrupted N times"}, the others go
     * back to {@code initial}.
     */
    public Recovery recoverInterrupted(int maxInterruptions, Instant now) {
        return database.transaction(c -> {
            database.update(
                    "UPDATE url_jobs SET interruptions = interruptions + 1, updated_at = ? WHERE state = ?",
                    now.toEpochMilli(),
                    UrlJobState.PROCESSING.wireName());
            List<String> failing = database.list(
                    "SELECT job_id FROM url_jobs WHERE state = ? AND interruptions >= ?",
                    rs -> rs.getString(1),
                    UrlJobState.PROCESSING.wireName(),
                    maxInterruptions);
            database.update(
                    "UPDATE url_jobs SET state = ?, failure = 'interrupted ' || interruptions || ' times' "
                            + "WHERE state = ? AND interruptions >= ?",
                    UrlJobState.FAILED.wireName(),
                    UrlJobState.PROCESSING.wireName(),
                    maxInterruptions);
            int requeued = database.update(
                    "UPDATE url_jobs SET state = ? WHERE state = ?",
                    UrlJobState.INITIAL.wireName(),
                    UrlJobState.PROCESSING.wireName());
            List<UrlJob> failed =
                    failing.stream().map(this::find).flatMap(Optional::stream).toList();
            return new Recovery(requeued, failed);
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

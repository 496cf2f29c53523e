package io.vodkit.cli.ledger;

import java.time.Instant;

/**
 * A URL pull or restoration this machine submitted or observed, as last seen. Text fields not known are {@code ""}.
 *
 * @param endpoint     which service (see {@link UploadEntry#endpoint()})
 * @param jobId        the JobId of a pull, the RunId of a restoration
 * @param source       the URL pulled, or the video restored ({@code vid://…} or {@code directurl://…})
 * @param serviceState the state as the service spelled it ({@code ""} before it answered)
 * @param vid          the pulled media's Vid
 * @param output       the FileName of the pulled media or of the restored video
 * @param error        why the job failed
 * @param submittedAt  when it was first recorded (kept when the job is recorded again)
 * @param report       a restoration's report as JSON text (found, done, measured before and after), {@code ""}
 *                     when the service gave none
 */
public record JobEntry(
        String endpoint,
        JobKind kind,
        String jobId,
        String spaceName,
        String source,
        JobState state,
        String serviceState,
        String vid,
        String output,
        String error,
        Instant submittedAt,
        Instant updatedAt,
        String report) {

    /** A job just submitted: running, nothing heard from the service yet. */
    public static JobEntry submitted(
            String endpoint, JobKind kind, String jobId, String spaceName, String source, Instant at) {
        return new JobEntry(endpoint, kind, jobId, spaceName, source, JobState.RUNNING, "", "", "", "", at, at, "");
    }
}

package io.vodkit.client.pull;

import io.vodkit.client.api.UploadTask;
import io.vodkit.client.upload.UploadResult;
import java.util.Optional;

/**
 * What is known about one URL pull job.
 *
 * @param jobId    the job
 * @param state    its state ({@link PullJobState#FAILED} for a job the service does not know)
 * @param task     the last QueryUploadTaskInfo entry for it, if any query listed it
 * @param notFound true when the service listed the id in {@code NotExistJobIds}
 * @param media    what a successful job stored, with its play URL, once {@link UrlPuller#await} resolved it
 */
public record PullJobStatus(
        String jobId, PullJobState state, Optional<UploadTask> task, boolean notFound, Optional<UploadResult> media) {

    /** Not queried yet (or no query answered). */
    static PullJobStatus unknown(String jobId) {
        return new PullJobStatus(jobId, PullJobState.UNKNOWN, Optional.empty(), false, Optional.empty());
    }

    static PullJobStatus of(UploadTask task) {
        return new PullJobStatus(
                task.jobId(), PullJobState.of(task.state()), Optional.of(task), false, Optional.empty());
    }

    static PullJobStatus missing(String jobId) {
        return new PullJobStatus(jobId, PullJobState.FAILED, Optional.empty(), true, Optional.empty());
    }

    /** This status with what its job stored. */
    PullJobStatus withMedia(UploadResult stored) {
        return new PullJobStatus(jobId, state, task, notFound, Optional.of(stored));
    }

    /** The state as the service spelled it ({@code ""} before any answer). */
    public String rawState() {
        return task.map(UploadTask::state).orElse("");
    }

    /**
     * Why the job failed, as {@code URL pull upload failed: <the service's reason>} (or the state it reported when it
     * gives no reason); {@code ""} unless the job failed.
     */
    public String failureReason() {
        if (state != PullJobState.FAILED) {
            return "";
        }
        if (notFound) {
            return "URL pull job not found (unknown or expired JobId): " + jobId;
        }
        String reason = task.map(UploadTask::errorMessage).orElse("");
        return "URL pull upload failed: " + (reason.isEmpty() ? "State='" + rawState() + "'" : reason);
    }
}

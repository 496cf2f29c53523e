package io.vodkit.cli.commands;

import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.ledger.JobEntry;
import io.vodkit.cli.ledger.JobKind;
import io.vodkit.cli.ledger.JobRepository;
import io.vodkit.cli.ledger.JobState;
import io.vodkit.cli.ledger.Ledger;
import io.vodkit.client.VodClient;
import io.vodkit.client.VodServiceException;
import io.vodkit.client.api.Execution;
import io.vodkit.client.api.UploadTask;
import io.vodkit.client.api.UrlUploadJob;
import io.vodkit.client.enhance.Enhancer;
import io.vodkit.client.jobs.PollConfig;
import io.vodkit.client.pull.PullJobState;
import io.vodkit.client.pull.PullJobStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Records in the ledger the URL pulls and restorations this machine submits, and whatever a later query says about
 * them, so that {@code vodkit jobs} can list them tomorrow.
 */
final class JobLog {
    private final JobRepository jobs;
    private final String endpoint;
    private final Clock clock;

    /** @param endpoint which service (see {@link Backend#ledgerEndpoint}) */
    JobLog(JobRepository jobs, String endpoint, Clock clock) {
        this.jobs = jobs;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    /** The jobs of {@code ledger} under the service {@code settings} name, stamped with the system clock. */
    static JobLog of(Ledger ledger, Settings settings) {
        return new JobLog(ledger.jobs(), Backend.ledgerEndpoint(settings), Clock.systemUTC());
    }

    /** Asks the service about {@code running} jobs and records every answer. */
    void refresh(List<JobEntry> running, VodClient client, PollConfig poll, String enhanceVersion) {
        List<JobEntry> pulls =
                running.stream().filter(job -> job.kind() == JobKind.PULL).toList();
        if (!pulls.isEmpty()) {
            List<PullJobStatus> statuses =
                    client.pulls(poll).query(pulls.stream().map(JobEntry::jobId).toList());
            for (int i = 0; i < statuses.size(); i++) {
                pullObserved(pulls.get(i).spaceName(), statuses.get(i));
            }
        }
        Enhancer restorations = client.restorations(enhanceVersion, poll);
        running.stream().filter(job -> job.kind() == JobKind.RESTORE).forEach(job -> {
            try {
                restoreObserved(job.spaceName(), restorations.query(job.jobId()));
            } catch (VodServiceException e) {
                if (!e.resourceNotFound()) {
                    throw e;
                }
                restoreNotFound(job.spaceName(), job.jobId(), e.serviceMessage());
            }
        });
    }

    void pullSubmitted(String spaceName, UrlUploadJob job, String sourceUrl) {
        Instant now = clock.instant();
        jobs.record(JobEntry.submitted(endpoint, JobKind.PULL, job.jobId(), spaceName, sourceUrl, now));
    }

    /** What a QueryUploadTaskInfo said about a pull; a job not yet answered for is left as it is. */
    void pullObserved(String spaceName, PullJobStatus status) {
        if (status.task().isEmpty() && !status.notFound()) {
            return;
        }
        String space = status.task()
                .map(UploadTask::spaceName)
                .filter(s -> !s.isEmpty())
                .orElse(spaceName);
        String source = status.task().map(UploadTask::sourceUrl).orElse("");
        String vid = status.task().map(UploadTask::vid).orElse("");
        String fileName =
                status.task().map(task -> task.sourceInfo().fileName()).orElse("");
        JobState state = switch (status.state()) {
            case SUCCESS -> JobState.SUCCESS;
            case FAILED -> JobState.FAILED;
            default -> JobState.RUNNING;
        };
        Instant now = clock.instant();
        jobs.record(new JobEntry(
                endpoint,
                JobKind.PULL,
                status.jobId(),
                space,
                source,
                state,
                status.rawState(),
                status.state() == PullJobState.SUCCESS ? vid : "",
                fileName,
                status.failureReason(),
                now,
                now,
                ""));
    }

    void restoreSubmitted(String spaceName, String runId, String video) {
        Instant now = clock.instant();
        jobs.record(JobEntry.submitted(endpoint, JobKind.RESTORE, runId, spaceName, video, now));
    }

    /** What a GetExecution said about a restoration. */
    void restoreObserved(String spaceName, Execution execution) {
        JobState state =
                !execution.isFinished() ? JobState.RUNNING : execution.succeeded() ? JobState.SUCCESS : JobState.FAILED;
        String space = execution.spaceName().isEmpty() ? spaceName : execution.spaceName();
        Instant now = clock.instant();
        jobs.record(new JobEntry(
                endpoint,
                JobKind.RESTORE,
                execution.runId(),
                space,
                "",
                state,
                execution.status(),
                "",
                execution.outputFileName(),
                state == JobState.FAILED ? failure(execution) : "",
                now,
                now,
                execution.report().isObject() ? execution.report().toString() : ""));
    }

    /** GetExecution answered {@code ResourceNotFound} (unknown or expired RunId): the job will never be found. */
    void restoreNotFound(String spaceName, String runId, String message) {
        Instant now = clock.instant();
        jobs.record(new JobEntry(
                endpoint,
                JobKind.RESTORE,
                runId,
                spaceName,
                "",
                JobState.FAILED,
                "",
                "",
                "",
                "restoration job not found (unknown or expired RunId): " + message,
                now,
                now,
                ""));
    }

    private static String failure(Execution execution) {
        String text = (execution.code() + " " + execution.message()).strip();
        return text.isEmpty() ? execution.status() : text;
    }
}

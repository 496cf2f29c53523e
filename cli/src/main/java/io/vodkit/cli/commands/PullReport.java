package io.vodkit.cli.commands;

import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.ProgressHook;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.output.Launcher;
import io.vodkit.cli.output.ResumeHint;
import io.vodkit.cli.output.UploadLine;
import io.vodkit.cli.output.UploadOutput;
import io.vodkit.client.api.UploadTask;
import io.vodkit.client.jobs.PollConfig;
import io.vodkit.client.pull.PullJobState;
import io.vodkit.client.pull.PullJobStatus;
import io.vodkit.client.pull.PullResult;
import io.vodkit.client.upload.UploadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Turns URL pull job statuses into the output lines {@code vodkit upload} and {@code vodkit poll-upload} share: the
 * upload line plus {@code JobId} on success, {@code {"error", "JobId", "SourceUrl"}} on failure ({@code SourceUrl}
 * only when known), and on time-out {@code {"error", "resume_hint", "JobIds", "State"}} whose command resumes
 * polling the same job.
 */
final class PullReport {
    static final String RESUME_COMMAND = "poll-upload";
    static final String RESUME_DESCRIPTION = "The URL pull upload has not finished yet; resume polling the same job "
            + "(no re-submission) with the command below";

    private final Backend backend;
    private final PollConfig poll;
    private final Launcher launcher;
    private final List<String> serviceArguments;

    /**
     * @param launcher         what starts vodkit in resume commands ({@link io.vodkit.cli.CliContext#launcher()})
     * @param serviceArguments the service flags of this run, repeated in resume commands
     */
    PullReport(Backend backend, PollConfig poll, Launcher launcher, List<String> serviceArguments) {
        this.backend = backend;
        this.poll = poll;
        this.launcher = launcher;
        this.serviceArguments = List.copyOf(serviceArguments);
    }

    /**
     * The line of one job.
     *
     * @param sourceUrl the URL submitted (used when the service does not echo it)
     * @param result    how waiting ended (only unfinished jobs time out, when polling ran out of attempts)
     */
    UploadLine line(PullJobStatus status, String sourceUrl, PullResult result) {
        String source = status.task()
                .map(UploadTask::sourceUrl)
                .filter(s -> !s.isEmpty())
                .orElse(sourceUrl);
        if (status.state() == PullJobState.SUCCESS) {
            UploadResult media = status.media().orElseThrow();
            return UploadOutput.of(
                    media.vid(),
                    media.playUrl(),
                    media.posterUri(),
                    media.fileName(),
                    media.spaceName(),
                    source,
                    status.jobId());
        }
        if (status.state() == PullJobState.FAILED) {
            return new UploadLine.Failed(status.failureReason(), status.jobId(), source.isEmpty() ? null : source);
        }
        if (!result.timedOut()) {
            throw new IllegalStateException("job " + status.jobId() + " unfinished although polling did not time out");
        }
        return timedOutLine(status, result);
    }

    /** The space the jobs were submitted to. */
    String spaceName() {
        return backend.spaceName();
    }

    /**
     * Follows the jobs while they are polled: each poll goes to {@code hook} (e.g. MCP progress), and each change of
     * a job's state is told to {@code notices} (e.g. {@code URL pull job 1a2b processing} on stderr), so a long wait
     * is visibly alive; stdout keeps only the result lines.
     */
    static Consumer<PullJobStatus> stateChanges(Consumer<String> notices, ProgressHook hook) {
        Map<String, String> last = new ConcurrentHashMap<>();
        return status -> {
            hook.status(progress(status));
            String state = status.notFound() ? "not found" : status.rawState();
            if (!state.equals(last.put(status.jobId(), state))) {
                notices.accept("URL pull job " + status.jobId() + " " + state);
            }
        };
    }

    /** How one job's poll reads in progress reports: {@code "JOBID STATE"}. */
    static String progress(PullJobStatus status) {
        return status.jobId() + " " + (status.rawState().isEmpty() ? "unknown" : status.rawState());
    }

    /** The exit code of a run: 0 when every line succeeded, else 3 if any timed out, else 1. */
    static int exitCode(List<? extends UploadLine> lines) {
        if (lines.stream().allMatch(line -> line.exitCode() == ExitCodes.OK)) {
            return ExitCodes.OK;
        }
        return lines.stream().anyMatch(line -> line.exitCode() == ExitCodes.TIMED_OUT)
                ? ExitCodes.TIMED_OUT
                : ExitCodes.FAILED;
    }

    private UploadLine.TimedOut timedOutLine(PullJobStatus status, PullResult result) {
        String space = status.task()
                .map(UploadTask::spaceName)
                .filter(s -> !s.isEmpty())
                .orElse(backend.spaceName());
        List<String> arguments = new ArrayList<>(List.of(RESUME_COMMAND));
        arguments.add(status.jobId());
        arguments.add(space);
        arguments.addAll(serviceArguments);
        return new UploadLine.TimedOut(
                "Polling timed out " + poll.describeWait(result.waited(), result.attempts())
                        + "; the URL pull upload is still processing",
                new ResumeHint(RESUME_DESCRIPTION, launcher.command(arguments)),
                status.jobId(),
                status.rawState().isEmpty() ? "unknown" : status.rawState());
    }
}

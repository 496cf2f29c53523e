package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.config.PollOptions;
import io.vodkit.cli.config.ServiceOptions;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.output.EnhanceOutput;
import io.vodkit.cli.output.JsonLines;
import io.vodkit.cli.output.ResumeHint;
import io.vodkit.client.api.Execution;
import io.vodkit.client.api.MediaSource;
import io.vodkit.client.enhance.Enhancer;
import io.vodkit.client.enhance.RestoredVideo;
import io.vodkit.client.jobs.PollOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Polls a restoration job for {@code vodkit enhance} and {@code vodkit poll} and prints its one result line: the
 * download URL on success, {@code {"error", "Code", …}} when it failed, or a {@code resume_hint} on time-out.
 */
final class ExecutionFollower {
    static final String TIMEOUT_DESCRIPTION =
            "The job has not finished yet; resume polling the same job (no " + "re-submission) with the command below";

    private final CliContext context;
    private final Backend backend;
    private final Settings settings;
    private final ServiceOptions service;
    private final PollOptions poll;
    private final Enhancer enhancer;
    private final JobLog jobLog;
    private String downloadTo;
    private boolean overwrite;

    /**
     * @param service the service flags, and {@code poll} the polling flags, repeated in a resume hint
     * @param jobLog  where the job's last known state is recorded
     */
    ExecutionFollower(
            CliContext context,
            Backend backend,
            Settings settings,
            ServiceOptions service,
            PollOptions poll,
            JobLog jobLog) {
        this.context = context;
        this.backend = backend;
        this.settings = settings;
        this.service = service;
        this.poll = poll;
        this.jobLog = jobLog;
        this.enhancer = backend.client().restorations(settings.enhanceVersion(), settings.poll());
    }

    /** On success, also download the restored video to {@code path} (a file, or a directory to write into). */
    ExecutionFollower downloading(String path, boolean force) {
        this.downloadTo = path;
        this.overwrite = force;
        return this;
    }

    Enhancer enhancer() {
        return enhancer;
    }

    /** What to add to a successful job's line: fields nested under their names. */
    @FunctionalInterface
    interface OnSuccess {
        OnSuccess NOTHING = (space, fileName) -> Map.of();

        Map<String, Object> extra(String space, String fileName);
    }

    /** Polls {@code runId} and prints the outcome; returns the exit code. */
    int follow(String runId) {
        return follow(runId, OnSuccess.NOTHING);
    }

    /** As {@link #follow(String)}, adding what {@code onSuccess} returns to a successful job's line. */
    int follow(String runId, OnSuccess onSuccess) {
        AtomicReference<String> lastStatus = new AtomicReference<>();
        PollOutcome<Execution> outcome = enhancer.await(runId, execution -> {
            String state = runId + " " + (execution.status().isEmpty() ? "submitted" : execution.status());
            context.progress().status(state);
            if (!execution.status().equals(lastStatus.getAndSet(execution.status()))) {
                context.notice(state);
            }
        });
        if (outcome.last() != null) {
            jobLog.restoreObserved(backend.spaceName(), outcome.last());
        }
        if (outcome instanceof PollOutcome.TimedOut<Execution> timedOut) {
            throw timedOut(runId, timedOut);
        }
        Execution done = outcome.last();
        String space = done.spaceName().isEmpty() ? backend.spaceName() : done.spaceName();
        if (!done.succeeded()) {
            throw failed(done, space);
        }
        RestoredVideo restored = enhancer.restored(done, backend.spaceName())
                .orElseThrow(() -> new CliException(
                        ExitCodes.FAILED,
                        "the job succeeded but GetExecution returned no output " + "StoreUri",
                        Map.of("RunId", runId, "SpaceName", space),
                        null));
        String fileName = restored.fileName();
        EnhanceOutput output =
                EnhanceOutput.success(restored.spaceName(), runId, restored.fileId(), fileName, restored.playUrl());
        Map<String, Object> extra = new LinkedHashMap<>();
        if (downloadTo != null) {
            extra.put(
                    "Download",
                    new MediaDownloads(context, backend)
                            .download(MediaSource.DIRECT_URL_PREFIX + fileName, downloadTo, overwrite));
        }
        extra.putAll(onSuccess.extra(space, fileName));
        new JsonLines(context.out()).write(extra.isEmpty() ? output : output.with(extra));
        return ExitCodes.OK;
    }

    private CliException timedOut(String runId, PollOutcome.TimedOut<Execution> timedOut) {
        List<String> arguments = new ArrayList<>(List.of("poll", runId, backend.spaceName()));
        arguments.addAll(poll.asArguments(service));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put(
                "resume_hint",
                new ResumeHint(TIMEOUT_DESCRIPTION, context.launcher().command(arguments)));
        extra.put("RunId", runId);
        extra.put("Status", timedOut.last() == null ? "" : timedOut.last().status());
        String failing = timedOut.lastFailure() == null
                ? ""
                : " (the last query failed: " + timedOut.lastFailure().getMessage() + ")";
        return new CliException(
                ExitCodes.TIMED_OUT,
                "Polling timed out " + settings.poll().describeWait(timedOut.waited(), timedOut.attempts())
                        + "; the job is still processing" + failing,
                extra,
                null);
    }

    private static CliException failed(Execution done, String space) {
        String reason = done.message().isEmpty() ? " (the service gave no reason; see Code)" : ": " + done.message();
        String text = Execution.TERMINATED.equals(done.status())
                ? "The restoration job was terminated" + reason + "; please resubmit"
                : "The restoration job failed" + reason;
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("Status", done.status());
        extra.put("Code", done.code());
        extra.put("RunId", done.runId());
        extra.put("SpaceName", space);
        return new CliException(ExitCodes.FAILED, text, extra, null);
    }
}

package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.config.PollOptions;
import io.vodkit.cli.config.ServiceOptions;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.ledger.Ledger;
import io.vodkit.cli.output.JsonLines;
import io.vodkit.cli.output.UploadLine;
import io.vodkit.client.jobs.PollConfig;
import io.vodkit.client.pull.PullJobStatus;
import io.vodkit.client.pull.PullResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code vodkit poll-upload JOBID[,JOBID…] [SPACE]}: waits for existing URL pull jobs (never re-submits) and prints
 * the same lines as {@code vodkit upload} does for URLs. It is the command in a URL pull's {@code resume_hint}.
 */
@Command(
        name = "poll-upload",
        mixinStandardHelpOptions = true,
        description = {
            "Wait for URL pull upload jobs that were already submitted and print one JSON line per job "
                    + "(as `vodkit upload URL` does).",
            "Polls QueryUploadTaskInfo every --poll-interval (VOD_POLL_INTERVAL) seconds, at most --poll-max "
                    + "(VOD_POLL_MAX) times."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  vodkit poll-upload <JobId> my_space   # the resume_hint of a timed-out pull",
            "  vodkit poll-upload <JobId>,<JobId> my_space --poll-interval 10 --poll-max 60"
        })
public final class PollUploadCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "JOBID[,JOBID…]", description = "The JobIds to wait for, comma-separated.")
    String jobIds;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SPACE", description = "VOD space (VOD_SPACE_NAME).")
    String space;

    @Mixin
    ServiceOptions service;

    @Mixin
    PollOptions poll;

    public PollUploadCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<String> ids = Arrays.stream(jobIds.split(","))
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .distinct()
                .toList();
        if (ids.isEmpty()) {
            throw CliException.invalidInput("no JobId given");
        }
        Settings settings = Settings.resolve(poll.asSettings(service), context.env(), context.workingDir());
        try (Ledger ledger = Ledger.open(settings.home());
                Backend backend = Backend.open(settings, Optional.ofNullable(space), context)) {
            JobLog jobLog = JobLog.of(ledger, settings);
            PollConfig pollConfig = settings.poll();
            PullResult result = backend.client()
                    .pulls(pollConfig)
                    .await(backend.spaceName(), ids, PullReport.stateChanges(context::notice, context.progress()));
            PullReport report = new PullReport(backend, pollConfig, context.launcher(), poll.asArguments(service));
            JsonLines out = new JsonLines(context.out());
            List<UploadLine> lines = new ArrayList<>();
            for (PullJobStatus status : result.jobs()) {
                jobLog.pullObserved(backend.spaceName(), status);
                UploadLine line = report.line(status, "", result);
                lines.add(line);
                out.write(line);
            }
            return PullReport.exitCode(lines);
        }
    }
}

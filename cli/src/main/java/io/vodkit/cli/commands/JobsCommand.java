package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.config.ServiceOptions;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.ledger.JobEntry;
import io.vodkit.cli.ledger.JobKind;
import io.vodkit.cli.ledger.JobState;
import io.vodkit.cli.ledger.Ledger;
import io.vodkit.cli.output.JobLine;
import io.vodkit.cli.output.JsonLines;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vodkit jobs [--refresh]}: the URL pulls and restorations this machine submitted to the service the settings
 * name, from the ledger, with their last known state; {@code --refresh} first asks the service about the running
 * ones (QueryUploadTaskInfo, 20 JobIds per query; GetExecution per RunId) and records the answers.
 */
@Command(
        name = "jobs",
        mixinStandardHelpOptions = true,
        description = {
            "List the URL pull uploads and restorations submitted from this machine (recorded in the "
                    + "ledger in $VODKIT_HOME by upload URL, poll-upload, enhance and poll), one JSON line per job, "
                    + "oldest first, with its last known state.",
            "Only the jobs of the service the settings point at are listed (the cloud endpoint, or the local "
                    + "emulator). --refresh asks the service about the running ones first; finished jobs do not "
                    + "change."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  vodkit jobs                                # as last seen",
            "  vodkit jobs --refresh                      # ask the service first",
            "  vodkit jobs --refresh --state running      # what is still running now",
            "  vodkit jobs --kind restore --state success --space my_space",
            "Output, one line per job:",
            "  {\"Kind\":\"pull\",\"JobId\",\"State\":\"running|success|failed\",\"ServiceState\",",
            "   \"SpaceName\",\"SourceUrl\",\"Vid\",\"FileName\",\"Error\",\"SubmittedAt\",\"UpdatedAt\",",
            "   \"Command\"}",
            "  {\"Kind\":\"restore\",\"RunId\",…,\"Video\",\"DirectUrl\",…}",
            "Vid, FileName, DirectUrl and Error appear when known; Command (running jobs)",
            "waits for the job to end."
        })
public final class JobsCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--refresh", description = "Ask the service about the running jobs first, and record it.")
    boolean refresh;

    @Option(names = "--kind", paramLabel = "pull|restore", description = "Only URL pulls, or only restorations.")
    String kind;

    @Option(
            names = "--state",
            paramLabel = "running|success|failed",
            description = "Only the jobs in this state (after --refresh).")
    String state;

    @Option(names = "--space", paramLabel = "NAME", description = "Only the jobs of this space.")
    String space;

    @Mixin
    ServiceOptions service;

    public JobsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Optional<JobKind> kindFilter = filter("--kind", kind, JobKind::fromWire, "pull or restore");
        Optional<JobState> stateFilter = filter("--state", state, JobState::fromWire, "running, success or failed");
        Optional<String> spaceFilter =
                Optional.ofNullable(space).map(String::strip).filter(s -> !s.isEmpty());
        Settings settings = Settings.resolve(service.asSettings(), context.env(), context.workingDir());
        String endpoint = Backend.ledgerEndpoint(settings);
        try (Ledger ledger = Ledger.open(settings.home())) {
            if (refresh) {
                List<JobEntry> running =
                        ledger.jobs().list(endpoint, kindFilter, Optional.of(JobState.RUNNING), spaceFilter);
                if (!running.isEmpty()) {
                    refresh(running, settings, JobLog.of(ledger, settings));
                }
            }
            List<JobEntry> jobs = ledger.jobs().list(endpoint, kindFilter, stateFilter, spaceFilter);
            if (jobs.isEmpty()) {
                context.notice("no jobs recorded for " + endpoint + " that match");
            }
            JsonLines out = new JsonLines(context.out());
            jobs.forEach(job -> out.write(JobLine.of(job, context.launcher(), service.asArguments())));
            return ExitCodes.OK;
        }
    }

    /** Asks the service about {@code running} and records every answer. */
    private void refresh(List<JobEntry> running, Settings settings, JobLog jobLog) {
        Optional<String> spaceArg = Optional.ofNullable(space)
                .or(settings::spaceName)
                .or(() -> Optional.of(running.get(0).spaceName()));
        try (Backend backend = Backend.open(settings, spaceArg, context)) {
            jobLog.refresh(running, backend.client(), settings.poll(), settings.enhanceVersion());
        }
    }

    private static <T> Optional<T> filter(
            String option, String value, Function<String, Optional<T>> parse, String expected) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(parse.apply(value.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(
                        () -> CliException.invalidInput(option + " must be " + expected + ", got '" + value + "'")));
    }
}

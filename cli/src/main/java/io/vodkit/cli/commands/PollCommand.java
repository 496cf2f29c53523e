package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.config.PollOptions;
import io.vodkit.cli.config.ServiceOptions;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.ledger.Ledger;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code vodkit poll RUN_ID [SPACE]}: resumes polling a restoration job started by {@code vodkit enhance}. */
@Command(
        name = "poll",
        mixinStandardHelpOptions = true,
        description =
                "Poll a restoration job (GetExecution) until it ends and print the same line as " + "`vodkit enhance`.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  vodkit poll <RunId> my_space   # the resume_hint of a timed-out enhance",
            "  vodkit poll <RunId> my_space --poll-interval 30 --poll-max 120"
        })
public final class PollCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The RunId printed by vodkit enhance.")
    String runId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SPACE", description = "VOD space (VOD_SPACE_NAME).")
    String space;

    @Mixin
    ServiceOptions service;

    @Mixin
    PollOptions poll;

    public PollCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (runId.isBlank()) {
            throw CliException.invalidInput("RUN_ID is empty");
        }
        Settings settings = Settings.resolve(poll.asSettings(service), context.env(), context.workingDir());
        try (Ledger ledger = Ledger.open(settings.home());
                Backend backend = Backend.open(settings, Optional.ofNullable(space), context)) {
            return new ExecutionFollower(context, backend, settings, service, poll, JobLog.of(ledger, settings))
                    .follow(runId.strip());
        }
    }
}

package io.vodkit.cli;

import io.vodkit.cli.commands.CompareCommand;
import io.vodkit.cli.commands.CompletionCommand;
import io.vodkit.cli.commands.ConsoleCommand;
import io.vodkit.cli.commands.DoctorCommand;
import io.vodkit.cli.commands.DownloadCommand;
import io.vodkit.cli.commands.EnhanceCommand;
import io.vodkit.cli.commands.InfoCommand;
import io.vodkit.cli.commands.JobsCommand;
import io.vodkit.cli.commands.LsCommand;
import io.vodkit.cli.commands.McpCommand;
import io.vodkit.cli.commands.PlayUrlCommand;
import io.vodkit.cli.commands.PollCommand;
import io.vodkit.cli.commands.PollUploadCommand;
import io.vodkit.cli.commands.RmCommand;
import io.vodkit.cli.commands.SampleCommand;
import io.vodkit.cli.commands.ServeCommand;
import io.vodkit.cli.commands.UpdateCommand;
import io.vodkit.cli.commands.UploadCommand;
import io.vodkit.cli.output.JsonLines;
import io.vodkit.client.VodException;
import io.vodkit.client.VodServiceException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Builds the command tree for one context and turns every failure into one {@code {"error": ...}} line on stdout
 * with a non-zero exit code; stack traces go to stderr only under {@code --debug}.
 */
public final class VodkitCli {
    /**
     * The subcommands in help order, each built only when needed: picocli reads a command's annotations into its
     * model when the command is added: all 18 cost about 0.27 s of CPU, one 0.02 s, and a 100 KB upload to a
     * running emulator took 1.36 s of CPU instead of 1.53 s (JDK 17, median of 12; bench/README.md). So a command
     * line whose first word names a subcommand gets only that one; anything else (help, --version, a typo, an
     * option first) and {@code completion}, which prints the whole tree, get them all.
     */
    private static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand(UploadCommand.class, UploadCommand::new),
            new Subcommand(PollUploadCommand.class, PollUploadCommand::new),
            new Subcommand(EnhanceCommand.class, EnhanceCommand::new),
            new Subcommand(PollCommand.class, PollCommand::new),
            new Subcommand(JobsCommand.class, JobsCommand::new),
            new Subcommand(ServeCommand.class, ServeCommand::new),
            new Subcommand(ConsoleCommand.class, ConsoleCommand::new),
            new Subcommand(SampleCommand.class, SampleCommand::new),
            new Subcommand(McpCommand.class, McpCommand::new),
            new Subcommand(PlayUrlCommand.class, PlayUrlCommand::new),
            new Subcommand(InfoCommand.class, InfoCommand::new),
            new Subcommand(LsCommand.class, LsCommand::new),
            new Subcommand(DownloadCommand.class, DownloadCommand::new),
            new Subcommand(UpdateCommand.class, UpdateCommand::new),
            new Subcommand(RmCommand.class, RmCommand::new),
            new Subcommand(CompareCommand.class, CompareCommand::new),
            new Subcommand(DoctorCommand.class, DoctorCommand::new),
            new Subcommand(CompletionCommand.class, CompletionCommand::new));

    private record Subcommand(Class<?> type, Function<CliContext, Object> factory) {
        String name() {
            return type.getAnnotation(Command.class).name();
        }

        boolean needsTheWholeTree() {
            return type == CompletionCommand.class;
        }
    }

    private VodkitCli() {}

    public static int execute(CliContext context, String... args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        return commandLine(context, debug, args.length == 0 ? "" : args[0]).execute(args);
    }

    /** The whole command tree. */
    static CommandLine commandLine(CliContext context, boolean debug) {
        return commandLine(context, debug, "");
    }

    /** The tree a command line starting with {@code firstWord} needs: that subcommand alone when it names one. */
    static CommandLine commandLine(CliContext context, boolean debug, String firstWord) {
        CommandLine cmd = new CommandLine(new VodkitCommand());
        List<Subcommand> named = SUBCOMMANDS.stream()
                .filter(sub -> sub.name().equals(firstWord) && !sub.needsTheWholeTree())
                .toList();
        for (Subcommand sub : named.isEmpty() ? SUBCOMMANDS : named) {
            cmd.addSubcommand(sub.factory().apply(context));
        }
        cmd.setExpandAtFiles(false); // @FILE is the commands' to read (bounded, never echoed), not picocli's
        cmd.setOut(context.out());
        cmd.setErr(context.err());
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(context, ex, debug));
        cmd.setParameterExceptionHandler((ex, args) -> {
            new JsonLines(context.out()).write(Map.of("error", ex.getMessage()));
            context.err()
                    .println("Usage: see '"
                            + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            context.err().flush();
            return ExitCodes.INVALID_INPUT;
        });
        return cmd;
    }

    private static int report(CliContext context, Exception ex, boolean debug) {
        CliException failure = asCliException(ex);
        new JsonLines(context.out()).write(failure.toJson());
        if (debug) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            context.err().print(trace);
        } else if (failure.exitCode() == ExitCodes.FAILED
                && !(ex instanceof CliException)
                && !(ex instanceof VodException)) {
            context.err().println("vodkit: unexpected error; run with --debug for the stack trace.");
        }
        context.err().flush();
        return failure.exitCode();
    }

    /** The service's error code, when the service refused the request, as a {@code "Code"} field. */
    private static Map<String, Object> serviceCode(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof VodServiceException refused
                    && refused.code() != null
                    && !refused.code().isBlank()) {
                return Map.of("Code", refused.code());
            }
        }
        return Map.of();
    }

    private static CliException asCliException(Exception ex) {
        if (ex instanceof CliException cli) {
            return cli;
        }
        if (ex instanceof VodException vod) {
            return new CliException(ExitCodes.FAILED, vod.getMessage(), serviceCode(vod), vod);
        }
        String message = ex.getMessage() == null
                ? ex.getClass().getSimpleName()
                : ex.getClass().getSimpleName() + ": " + ex.getMessage();
        return new CliException(ExitCodes.FAILED, "internal error: " + message, Map.of(), ex);
    }
}

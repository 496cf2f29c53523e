package io.vodkit.cli;

import io.vodkit.cli.commands.CompareCommand;
import io.vodkit.cli.commands.CompletionCommand;
import io.vodkit.cli.commands.ConsoleCommand;
import io.vodkit.cli.commands.DoctorCommand;
import io.vodkit.cli.commands.DownloadCommand;
import io.vodkit.cli.commands.InfoCommand;
import io.vodkit.cli.commands.LsCommand;
import io.vodkit.cli.commands.RmCommand;
import io.vodkit.cli.commands.UpdateCommand;
import io.vodkit.cli.commands.EnhanceCommand;
import io.vodkit.cli.commands.JobsCommand;
import io.vodkit.cli.commands.McpCommand;
import io.vodkit.cli.commands.PlayUrlCommand;
import io.vodkit.cli.commands.PollCommand;
import io.vodkit.cli.commands.PollUploadCommand;
import io.vodkit.cli.commands.SampleCommand;
import io.vodkit.cli.commands.ServeCommand;
import io.vodkit.cli.commands.UploadCommand;
import io.vodkit.cli.output.JsonLines;
import io.vodkit.client.VodException;
import io.vodkit.client.VodServiceException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;

/**
 * Builds the command tree for one context and turns every failure into one {@code {"error": ...}} line on stdout
 * with a non-zero exit code; stack traces go to stderr only under {@code --debug}.
 */
public final class VodkitCli {
    private VodkitCli() {
    }

    public static int execute(CliContext context, String... args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        return commandLine(context, debug).execute(args);
    }

    static CommandLine commandLine(CliContext context, boolean debug) {
        CommandLine cmd = new CommandLine(new VodkitCommand());
        cmd.addSubcommand(new UploadCommand(context));
        cmd.addSubcommand(new PollUploadCommand(context));
        cmd.addSubcommand(new EnhanceCommand(context));
        cmd.addSubcommand(new PollCommand(context));
        cmd.addSubcommand(new JobsCommand(context));
        cmd.addSubcommand(new ServeCommand(context));
        cmd.addSubcommand(new ConsoleCommand(context));
        cmd.addSubcommand(new SampleCommand(context));
        cmd.addSubcommand(new McpCommand(context));
        cmd.addSubcommand(new PlayUrlCommand(context));
        cmd.addSubcommand(new InfoCommand(context));
        cmd.addSubcommand(new LsCommand(context));
        cmd.addSubcommand(new DownloadCommand(context));
        cmd.addSubcommand(new UpdateCommand(context));
        cmd.addSubcommand(new RmCommand(context));
        cmd.addSubcommand(new CompareCommand(context));
        cmd.addSubcommand(new DoctorCommand(context));
        cmd.addSubcommand(new CompletionCommand(context));
        cmd.setExpandAtFiles(false); // @FILE is the commands' to read (bounded, never echoed), not picocli's
        cmd.setOut(context.out());
        cmd.setErr(context.err());
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(context, ex, debug));
        cmd.setParameterExceptionHandler((ex, args) -> {
            new JsonLines(context.out()).write(Map.of("error", ex.getMessage()));
            context.err().println("Usage: see '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help'.");
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
        } else if (failure.exitCode() == ExitCodes.FAILED && !(ex instanceof CliException)
                && !(ex instanceof VodException)) {
            context.err().println("vodkit: unexpected error; run with --debug for the stack trace.");
        }
        context.err().flush();
        return failure.exitCode();
    }

    /** The service's error code, when the service refused the request, as a {@code "Code"} field. */
    private static Map<String, Object> serviceCode(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof VodServiceException refused && refused.code() != null
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
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName()
                : ex.getClass().getSimpleName() + ": " + ex.getMessage();
        return new CliException(ExitCodes.FAILED, "internal error: " + message, Map.of(), ex);
    }
}

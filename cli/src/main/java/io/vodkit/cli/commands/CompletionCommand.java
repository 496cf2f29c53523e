package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vodkit completion [bash|zsh]}: prints picocli's completion script, which serves zsh as well (it loads
 * bashcompinit when sourced there). The one command whose stdout is not JSON: the script is meant to be sourced.
 */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print a shell completion script for vodkit's commands and options (stdout is the script, " + "not JSON)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  source <(vodkit completion bash)                        # this shell",
            "  echo 'source <(vodkit completion bash)' >> ~/.bashrc    # every new one",
            "  source <(vodkit completion zsh)                         # in ~/.zshrc"
        })
public final class CompletionCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(
            index = "0",
            arity = "0..1",
            defaultValue = "bash",
            paramLabel = "bash|zsh",
            description = "The shell (default: ${DEFAULT-VALUE}).")
    String shell;

    @Spec
    CommandSpec spec;

    public CompletionCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String name = shell.strip().toLowerCase(Locale.ROOT);
        if (!name.equals("bash") && !name.equals("zsh")) {
            throw CliException.invalidInput("completion is available for bash and zsh; got '" + shell + "'");
        }
        context.out().print(AutoComplete.bash("vodkit", spec.parent().commandLine()));
        context.out().flush();
        return ExitCodes.OK;
    }
}

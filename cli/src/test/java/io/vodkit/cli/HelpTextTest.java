package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vodkit.cli.support.CliRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code --help} reads cleanly on an 80-column terminal: the hand-laid footer lines (examples, settings, output
 * shapes) fit, so picocli never breaks one in the middle and starts the rest at column 0.
 */
class HelpTextTest {
    private static final int WIDTH = 80;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"", "upload", "poll-upload", "enhance", "poll", "serve", "console", "sample", "info", "ls",
        "download", "update", "rm", "compare", "jobs"})
    void footerLinesFitTheHelpWidth(String command) {
        CommandLine root = VodkitCli.commandLine(new CliContext(Map.of(), tmp, System.out, System.err, false,
                new CompletableFuture<>()), false);
        CommandLine cmd = command.isEmpty() ? root : root.getSubcommands().get(command);

        List<String> tooLong = new ArrayList<>();
        for (String line : cmd.getCommandSpec().usageMessage().footer()) {
            if (line.codePointCount(0, line.length()) >= WIDTH) {
                tooLong.add(line);
            }
        }

        assertThat(tooLong).as("footer lines of '%s --help' wider than %d columns", command, WIDTH - 1).isEmpty();
        assertThat(CliRun.run(Map.of("HOME", tmp.toString()), tmp, command.isEmpty() ? new String[] {"--help"}
                : new String[] {command, "--help"}).exitCode()).isZero();
    }
}

package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vodkit completion} prints a script bash can use (the examples of every {@code --help}: HelpExamplesTest). */
class HelpAndCompletionTest {
    private static final List<String> COMMANDS = List.of(
            "upload",
            "poll-upload",
            "enhance",
            "poll",
            "serve",
            "console",
            "sample",
            "mcp",
            "doctor",
            "play-url",
            "completion",
            "info",
            "ls",
            "download",
            "update",
            "rm",
            "compare");

    @TempDir
    Path tmp;

    @Test
    void theBashScriptCompletesSubcommands() throws Exception {
        CliResult bash = CliRun.run(Map.of(), tmp, "completion", "bash");

        assertThat(bash.exitCode()).isZero();
        assertThat(bash.stdout()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_vodkit");
        COMMANDS.forEach(name -> assertThat(bash.stdout()).contains(name));
        Path script = Files.writeString(tmp.resolve("vodkit.bash"), bash.stdout());
        assertThat(complete(script, "vodkit doc")).isEqualTo("doctor");
        assertThat(complete(script, "vodkit play-url --play")).isEqualTo("--play-domain");
    }

    /** What bash completes the last word of {@code line} to, with the script sourced. */
    private static String complete(Path script, String line) throws Exception {
        String[] words = line.split(" ");
        String program = "source '" + script + "'; COMP_WORDS=(" + line + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE='" + line + "'; COMP_POINT=" + line.length()
                + "; _complete_vodkit; echo \"${COMPREPLY[*]}\"";
        Process bash = new ProcessBuilder("bash", "-c", program)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void zshGetsTheSameScriptWhichLoadsBashcompinitAndOtherShellsAreRefused() {
        CliResult zsh = CliRun.run(Map.of(), tmp, "completion", "zsh");
        CliResult fish = CliRun.run(Map.of(), tmp, "completion", "fish");

        assertThat(zsh.exitCode()).isZero();
        assertThat(zsh.stdout()).contains("ZSH_VERSION").contains("bashcompinit");
        assertThat(fish.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(fish.single().get("error").asText())
                .isEqualTo("completion is available for bash and zsh; " + "got 'fish'");
    }
}

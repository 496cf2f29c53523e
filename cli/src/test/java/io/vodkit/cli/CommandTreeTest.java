package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** A command line naming a subcommand builds that one alone; everything else builds the whole tree. */
class CommandTreeTest {
    private final CliContext context = new CliContext(
            Map.of(),
            Path.of("."),
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(new ByteArrayOutputStream()),
            false,
            new CompletableFuture<>());
    private final CommandLine whole = VodkitCli.commandLine(context, false);

    @Test
    void aNamedSubcommandIsBuiltAloneWithTheSameModel() {
        for (String name : whole.getSubcommands().keySet()) {
            if (name.equals("completion")) {
                continue;
            }
            CommandLine lone = VodkitCli.commandLine(context, false, name);

            assertThat(lone.getSubcommands().keySet()).isEqualTo(Set.of(name));
            assertThat(lone.getSubcommands().get(name).getUsageMessage())
                    .isEqualTo(whole.getSubcommands().get(name).getUsageMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--help", "--debug", "uplaod", "completion"})
    void anythingElseGetsTheWholeTree(String firstWord) {
        assertThat(VodkitCli.commandLine(context, false, firstWord)
                        .getSubcommands()
                        .keySet())
                .isEqualTo(whole.getSubcommands().keySet())
                .hasSizeGreaterThan(10);
    }
}

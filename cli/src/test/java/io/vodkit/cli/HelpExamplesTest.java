package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.PrintedCommands;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The {@code --help} of every command in the real command tree (so a command added later is covered without a
 * change here): it shows examples that start that command, its hand-laid footer lines fit an 80-column terminal, and
 * every example runs exactly as printed ({@link PrintedCommands}: bash, {@code vodkit} on PATH, an emulator; a new
 * example naming a new file needs that file among its fixtures).
 */
class HelpExamplesTest {
    private static final int WIDTH = 80;

    @TempDir
    Path tmp;

    /** Every command of the tree, as the words that name it after {@code vodkit} (empty for vodkit itself). */
    static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(root(), List.of(), paths);
        return paths;
    }

    private static CommandLine root() {
        CliContext context = new CliContext(
                Map.of(),
                Path.of("."),
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()),
                false,
                new CompletableFuture<>());
        return VodkitCli.commandLine(context, false);
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) { // aliases name the same command again
                List<String> longer = new ArrayList<>(path);
                longer.add(name);
                collect(sub, longer, paths);
            }
        });
    }

    private static CommandLine command(List<String> path) {
        CommandLine command = root();
        for (String name : path) {
            command = command.getSubcommands().get(name);
        }
        return command;
    }

    /** What {@code vodkit PATH --help} prints. */
    private String help(List<String> path) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        CliResult help = CliRun.run(Map.of("HOME", tmp.toString()), tmp, args.toArray(String[]::new));
        assertThat(help.exitCode()).as("vodkit %s --help", path).isZero();
        return help.stdout();
    }

    /**
     * The examples of a help text as printed: after the line {@code Examples:}, each line indented by two spaces
     * starts one and the lines a trailing backslash continues belong to it; the first line that is not indented
     * (the next heading) ends them.
     */
    static List<String> examples(String help) {
        List<String> examples = new ArrayList<>();
        boolean inExamples = false;
        boolean continued = false;
        for (String line : help.split("\n", -1)) {
            if (!inExamples) {
                inExamples = line.equals("Examples:");
                continue;
            }
            if (continued) {
                examples.set(examples.size() - 1, examples.get(examples.size() - 1) + "\n" + line);
            } else if (line.startsWith("  ") && !line.startsWith("   ")) {
                examples.add(line);
            } else {
                break;
            }
            continued = line.endsWith("\\");
        }
        return examples;
    }

    @Test
    void everyCommandShowsExamplesThatStartIt() {
        for (List<String> path : commandPaths()) {
            if (path.isEmpty()) {
                continue;
            }
            String name = "vodkit " + String.join(" ", path);
            assertThat(examples(help(path)))
                    .as("the examples of '%s --help'", name)
                    .anySatisfy(example -> assertThat(example).contains(name));
        }
    }

    @Test
    void footerLinesFitTheHelpWidth() {
        List<String> tooLong = new ArrayList<>();
        for (List<String> path : commandPaths()) {
            for (String line : command(path).getCommandSpec().usageMessage().footer()) {
                if (line.codePointCount(0, line.length()) >= WIDTH) {
                    tooLong.add("vodkit " + String.join(" ", path) + ": " + line);
                }
            }
        }

        assertThat(tooLong)
                .as("footer lines wider than %d columns (picocli would break them)", WIDTH - 1)
                .isEmpty();
    }

    @Test
    void examplesAreTheIndentedLinesUpToTheNextHeading() {
        String help = "Usage: vodkit x\nExamples:\n  vodkit x a   # one\n  vodkit x b \\\n      --c d\n"
                + "Output:\n  {\"json\"}\n";

        assertThat(examples(help)).containsExactly("  vodkit x a   # one", "  vodkit x b \\\n      --c d");
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRunsAsPrinted() throws Exception {
        List<String> examples = new ArrayList<>();
        List<String> destructive = new ArrayList<>(); // rm removes what the other examples use: it goes last
        for (List<String> path : commandPaths()) {
            (path.equals(List.of("rm")) ? destructive : examples).addAll(examples(help(path)));
        }
        examples.addAll(destructive);
        assertThat(examples).hasSizeGreaterThanOrEqualTo(20);
        PrintedCommands session = PrintedCommands.start(tmp);
        return examples.stream()
                .map(example -> DynamicTest.dynamicTest(example.strip(), () -> session.run(example)))
                .onClose(session::close);
    }
}

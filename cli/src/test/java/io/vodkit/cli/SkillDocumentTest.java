package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vodkit.cli.support.BackgroundEmulators;
import io.vodkit.cli.support.Checkout;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.PrintedCommands;
import io.vodkit.cli.support.Shell;
import io.vodkit.cli.support.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skill/SKILL.md} is in the skill format and every command in its {@code bash} blocks runs as written, in
 * document order, by bash with {@code vodkit} on PATH, against an emulator ({@link PrintedCommands} says which
 * liberties are taken: fixture files, the example host, {@code <Field>} placeholders filled from earlier output, as
 * the document tells the agent to do). Its {@code vodkit serve --stop} also stops, as printed, the background emulator
 * a command without credentials started, as the document says it does.
 */
class SkillDocumentTest {
    @TempDir
    Path tmp;

    private static String skill() throws Exception {
        return PrintedCommands.repositoryFile("skill/SKILL.md");
    }

    @Test
    void theFrontMatterHasTheSkillFields() throws Exception {
        String text = skill();
        assertThat(text).startsWith("---\n");
        String front = text.substring(4, text.indexOf("\n---\n", 4));

        assertThat(front)
                .containsPattern("(?m)^name: vodkit$")
                .containsPattern("(?m)^version: \\d+\\.\\d+\\.\\d+$")
                .containsPattern("(?m)^license: \\S+")
                .contains("Trigger keywords:")
                .contains("\nenv:\n");
        for (String variable : List.of("BYTEPLUS_ACCESSKEY", "BYTEPLUS_SECRETKEY", "VOD_SPACE_NAME")) {
            assertThat(front).contains("  - name: " + variable + "\n");
        }
    }

    @Test
    void theQuestionToTheUserUsesProductLanguageOnly() throws Exception {
        String question = String.join(
                "\n", skill().lines().filter(line -> line.startsWith(">")).toList());

        assertThat(question)
                .contains("What kind of video is it?")
                .contains("restoration tier")
                .contains("output resolution");
        for (String internal : List.of(
                "config",
                "repair_style",
                "common",
                "short_series",
                "aigc",
                "old_film",
                "--tier",
                "--res",
                "bit_depth",
                "--bit-depth")) {
            assertThat(question).as("the question shows '%s'", internal).doesNotContain(internal);
        }
        assertThat(skill()).contains("https://console.byteplus.com/workorder/create");
    }

    @AfterEach
    void stopBackgroundEmulators() {
        BackgroundEmulators.stopIn(tmp.resolve("agent/.vodkit"));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theStopCommandStopsTheEmulatorACommandWithoutCredentialsStarted() throws Exception {
        List<String> stops = PrintedCommands.codeLines(skill(), "bash").stream()
                .filter(line -> line.contains("serve --stop"))
                .toList();
        assertThat(stops).hasSize(1);
        Path agent = Files.createDirectories(tmp.resolve("agent"));
        Path bin = Checkout.ofVodkit(Files.createDirectories(tmp.resolve("checkout")))
                .linkInto(tmp.resolve("bin"));
        Map<String, String> env = Shell.userEnv(agent, bin);
        TestMedia.randomFile(agent.resolve("clip.mp4"), 50_000, 11);
        CliResult upload = Shell.run(agent, env, "vodkit upload clip.mp4");
        assertThat(upload.exitCode()).as(upload.toString()).isZero();
        assertThat(BackgroundEmulators.running(agent.resolve(".vodkit/local"))).hasSize(1);

        CliResult stopped = Shell.run(agent, env, stops.get(0));

        PrintedCommands.assertRan(stops.get(0), stopped);
        assertThat(stopped.single().get("stopped").asBoolean())
                .as(stopped.toString())
                .isTrue();
        assertThat(BackgroundEmulators.running(agent.resolve(".vodkit/local"))).isEmpty();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyCommandRunsAsWritten() throws Exception {
        List<String> commands = PrintedCommands.codeLines(skill(), "bash");
        assertThat(commands).hasSizeGreaterThanOrEqualTo(10);

        try (PrintedCommands session = PrintedCommands.start(tmp)) {
            commands.forEach(session::run);
        }
    }
}

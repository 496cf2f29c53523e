package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestVideos;
import io.vodkit.emulator.EmulatorConfig;
import io.vodkit.emulator.support.SourceServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skill/SKILL.md} is in the skill format and every command in its {@code bash} blocks runs as written, in
 * document order, against an emulator (space {@code my_space}, Pro allowed as for an allowlisted account).
 *
 * <p>Substitutions, the only liberties taken: the files the commands name ({@code clip.mp4},
 * {@code interview.mov}, the folder {@code videos} with a subfolder) are made first in the working directory;
 * {@code https://example.com/NAME} is served from a loopback server; a {@code <Field>} placeholder becomes the
 * value of that field in the latest output line that had it (for {@code VideoUrls}, its first entry's fields),
 * exactly as the document tells the agent to do.
 */
class SkillDocumentTest {
    private static final Path SKILL = Path.of("..", "skill", "SKILL.md");
    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z]+)>");
    private static final String EXAMPLE_HOST = "https://example.com/";

    @TempDir
    Path tmp;

    private static String skill() throws Exception {
        return Files.readString(SKILL, StandardCharsets.UTF_8);
    }

    @Test
    void theFrontMatterHasTheSkillFields() throws Exception {
        String text = skill();
        assertThat(text).startsWith("---\n");
        String front = text.substring(4, text.indexOf("\n---\n", 4));

        assertThat(front).containsPattern("(?m)^name: vodkit$").containsPattern("(?m)^version: \\d+\\.\\d+\\.\\d+$")
                .containsPattern("(?m)^license: \\S+").contains("Trigger keywords:").contains("\nenv:\n");
        for (String variable : List.of("BYTEPLUS_ACCESSKEY", "BYTEPLUS_SECRETKEY", "VOD_SPACE_NAME")) {
            assertThat(front).contains("  - name: " + variable + "\n");
        }
    }

    @Test
    void theQuestionToTheUserUsesProductLanguageOnly() throws Exception {
        String question = String.join("\n", skill().lines().filter(line -> line.startsWith(">")).toList());

        assertThat(question).contains("What kind of video is it?").contains("restoration tier")
                .contains("output resolution");
        for (String internal : List.of("config", "repair_style", "common", "short_series", "aigc", "old_film",
                "--tier", "--res", "bit_depth", "--bit-depth")) {
            assertThat(question).as("the question shows '%s'", internal).doesNotContain(internal);
        }
        assertThat(skill()).contains("https://console.byteplus.com/workorder/create");
    }

    @Test
    void everyCommandRunsAsWritten() throws Exception {
        TestVideos videos = TestVideos.orSkip();
        videos.clean(tmp.resolve("clip.mp4"), 0.4);
        Files.copy(tmp.resolve("clip.mp4"), tmp.resolve("interview.mov"));
        Path folder = Files.createDirectories(tmp.resolve("videos").resolve("day2"));
        videos.clean(tmp.resolve("videos").resolve("intro.mp4"), 0.3);
        videos.clean(folder.resolve("outro.mov"), 0.2);
        Path served = Files.createDirectories(tmp.resolve("served"));
        Files.copy(tmp.resolve("clip.mp4"), served.resolve("video.mp4"));
        EmulatorConfig config = new EmulatorConfig("127.0.0.1", 0, tmp.resolve("data"), TestEmulator.ACCESS_KEY,
                TestEmulator.SECRET_KEY, List.of("my_space"), "ap-singapore-1", null, List.of(), null, true);
        try (TestEmulator vod = TestEmulator.start(config, Clock.systemUTC());
             SourceServer source = new SourceServer(served)) {
            Map<String, String> env = vod.env(tmp.resolve("home"));
            env.put("VOD_SPACE_NAME", "my_space");
            env.put("VOD_POLL_INTERVAL", "0.2");
            Map<String, String> fields = new HashMap<>();
            List<String> commands = commands(skill());
            assertThat(commands).hasSizeGreaterThanOrEqualTo(10);

            for (String command : commands) {
                String line = substitute(command.replace(EXAMPLE_HOST, source.url("/files/")), fields);
                List<String> words = words(line);
                assertThat(words.get(0)).as(command).isEqualTo("vodkit");

                CliResult result = CliRun.run(env, tmp, words.subList(1, words.size()).toArray(String[]::new));

                assertThat(result.exitCode()).as("%s\n%s", command, result).isZero();
                for (JsonNode output : result.lines()) {
                    remember(output, fields);
                }
            }
        }
    }

    /** The lines of the bash blocks, comments and blank lines left out. */
    private static List<String> commands(String markdown) {
        List<String> commands = new ArrayList<>();
        Matcher block = BASH_BLOCK.matcher(markdown);
        while (block.find()) {
            block.group(1).lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(commands::add);
        }
        return commands;
    }

    private static String substitute(String command, Map<String, String> fields) {
        Matcher placeholder = PLACEHOLDER.matcher(command);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String value = fields.get(placeholder.group(1));
            if (value == null) {
                fail("%s uses <%s> before any output had that field", command, placeholder.group(1));
            }
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(out).toString();
    }

    private static void remember(JsonNode output, Map<String, String> fields) {
        output.fields().forEachRemaining(field -> {
            if (field.getValue().isTextual()) {
                fields.put(field.getKey(), field.getValue().asText());
            }
        });
        if (output.has("VideoUrls")) {
            remember(output.get("VideoUrls").get(0), fields);
        }
    }

    /** POSIX words of a plain command: quotes group, nothing else of the shell is allowed. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int end = line.indexOf(c, i + 1);
                assertThat(end).as("unclosed quote in %s", line).isPositive();
                word = (word == null ? new StringBuilder() : word).append(line, i + 1, end);
                i = end;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else if (c == '#' && word == null) {
                break;
            } else if ("$|;&<>`\\(){}*?".indexOf(c) >= 0) {
                fail("not a plain command ('%s'): %s", c, line);
            } else {
                word = (word == null ? new StringBuilder() : word).append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}

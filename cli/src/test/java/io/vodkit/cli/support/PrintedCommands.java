package io.vodkit.cli.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.cli.ExitCodes;
import io.vodkit.emulator.EmulatorConfig;
import io.vodkit.emulator.UrlPullConfig;
import io.vodkit.emulator.support.SourceServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the commands vodkit shows its users (README, SKILL.md, {@code --help} examples) exactly as printed: each line
 * goes to bash in a working folder that is also {@code $HOME}, with {@code vodkit} on PATH as the README puts it
 * there (a symlink to a checkout's launcher), against an emulator on a random loopback port that has the space
 * {@code my_space} and allows the Pro tier (as an allowlisted account does).
 *
 * <p>The liberties taken, and only these: the files the commands name exist first ({@link #FIXTURES}: add the ones
 * a new example names); {@code https://example.com/NAME} is served from a loopback server's {@code /files/NAME}; a
 * {@code <Field>} placeholder becomes that field of the latest output line that had it (for {@code VideoUrls}, its
 * first entry), the fields being seeded by uploads (one tagged and archived), a restoration and a URL pull made
 * before the first command.
 * How a command is driven depends on it: {@code serve} runs until its first line and is then stopped with SIGTERM,
 * {@code mcp} is asked {@code initialize} and {@code tools/list} by an MCP client; every other line runs to its end
 * and must exit 0 and print JSON lines (at least one, unless its output is redirected). Closing stops the background
 * emulator of its {@code VODKIT_HOME}, should a command have started one, and checks that none is left.
 */
public final class PrintedCommands implements AutoCloseable {
    public static final String SPACE = "my_space";
    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z]+)>");
    private static final Pattern SUBCOMMAND = Pattern.compile("(?:^|[\\s(;&|])(?:\\S*/)?vodkit\\s+([a-z-]+)");
    private static final String EXAMPLE_HOST = "https://example.com/";

    /** A file a printed command names, made in the working folder before the first command runs. */
    @FunctionalInterface
    public interface Fixture {
        void make(Path file, PrintedCommands commands) throws Exception;
    }

    /**
     * The files the printed commands name, relative to the working folder (which is also {@code ~}). A fixture
     * may use the seeded {@link #field(String) fields} and the {@link #sourceUrl(String) URL-pull source}.
     */
    private static final Map<String, Fixture> FIXTURES = new LinkedHashMap<>();

    static {
        FIXTURES.put("clip.mp4", (file, commands) -> commands.copyClip(file));
        FIXTURES.put("interview.mov", (file, commands) -> commands.copyClip(file));
        FIXTURES.put("movie.mp4", (file, commands) -> commands.copyClip(file));
        for (String name : List.of("a.mp4", "b.mp4", "c.mp4")) {
            FIXTURES.put(name, (file, commands) -> commands.copyClip(file));
        }
        FIXTURES.put("videos/intro.mp4", (file, commands) -> commands.copyClip(file));
        FIXTURES.put("videos/day2/outro.mov", (file, commands) -> commands.copyClip(file));
        FIXTURES.put("footage/take1.mp4", (file, commands) -> commands.copyClip(file));
        FIXTURES.put("footage/day2/take2.mov", (file, commands) -> commands.copyClip(file));
        for (String name : List.of("before.mp4", "after.mp4", "clean.mp4")) {
            FIXTURES.put(name, (file, commands) -> commands.copyClip(file));
        }
        FIXTURES.put("downloads/.keep", (file, commands) -> Files.createFile(file));
        FIXTURES.put(
                "urls.txt",
                (file, commands) -> Files.writeString(
                        file,
                        "# one source per line\n" + commands.sourceUrl("a.mp4") + "\n" + commands.sourceUrl("b.mov")
                                + "\n"));
        FIXTURES.put(
                "params.json",
                (file, commands) -> Files.writeString(
                        file,
                        "{\n  \"video\": \"vid://" + commands.field("Vid")
                                + "\",\n  \"config\": \"common\",\n  \"repair_style\": 1\n}\n"));
    }

    private final Path workDir;
    private final Path clip;
    private final TestEmulator emulator;
    private final SourceServer source;
    private final Path vodkitHome;
    private final Map<String, String> env;
    private final Map<String, String> fields = new HashMap<>();

    private PrintedCommands(Path tmp, TestVideos videos) throws Exception {
        workDir = Files.createDirectories(tmp.resolve("work"));
        Path served = Files.createDirectories(tmp.resolve("served"));
        clip = videos.clean(tmp.resolve("clip.mp4"), 0.4);
        for (String name : List.of("video.mp4", "a.mp4", "b.mov")) {
            copyClip(served.resolve(name));
        }
        Path bin = Checkout.ofVodkit(Files.createDirectories(tmp.resolve("checkout")))
                .linkInto(tmp.resolve("bin"));
        // the seeded pull of a stalled source stays running as long as the session: its read never times out
        EmulatorConfig config = EmulatorConfig.builder(tmp.resolve("data"))
                .port(0)
                .credentials(TestEmulator.ACCESS_KEY, TestEmulator.SECRET_KEY)
                .spaces(List.of(SPACE))
                .allowPro(true)
                .urlPull(UrlPullConfig.DEFAULTS.withReadTimeout(Duration.ofHours(1)))
                .build();
        emulator = TestEmulator.start(config, Clock.systemUTC());
        try {
            source = new SourceServer(served);
        } catch (IOException e) {
            emulator.close();
            throw e;
        }
        vodkitHome = tmp.resolve("vodkit-home");
        env = emulator.env(vodkitHome);
        env.putAll(Shell.userEnv(workDir, bin));
        env.put("VOD_SPACE_NAME", SPACE);
        env.put("VOD_POLL_INTERVAL", "0.2");
    }

    /** Starts the emulator and the URL-pull source, seeds the fields and makes the fixtures; skips without ffmpeg. */
    public static PrintedCommands start(Path tmp) throws Exception {
        PrintedCommands commands = new PrintedCommands(tmp, TestVideos.orSkip());
        try {
            commands.seed();
            for (Map.Entry<String, Fixture> fixture : FIXTURES.entrySet()) {
                Path file = commands.workDir.resolve(fixture.getKey());
                Files.createDirectories(file.getParent());
                fixture.getValue().make(file, commands);
            }
            return commands;
        } catch (Exception | AssertionError e) {
            commands.close();
            throw e;
        }
    }

    /**
     * In-process, so every placeholder has a value and {@code jobs} has each kind of job: an upload, a restoration
     * of it, a URL pull that stays running (its source stalls) and one that succeeds.
     */
    private void seed() throws IOException {
        copyClip(workDir.resolve("seed.mp4"));
        runInProcess(
                env,
                ExitCodes.OK,
                "upload",
                "seed.mp4",
                "--tags",
                "sea,holiday",
                "--storage-class",
                "archive"); // what the ls examples filter for
        runInProcess(env, ExitCodes.OK, "upload", "seed.mp4", "--force");
        runInProcess(env, ExitCodes.OK, "enhance", "vid://" + field("Vid"), "--config", "common", "--tier", "standard");
        Map<String, String> impatient = new HashMap<>(env);
        impatient.put("VOD_POLL_MAX", "1");
        runInProcess(impatient, ExitCodes.TIMED_OUT, "upload", source.url("/stall/video.mp4"));
        runInProcess(env, ExitCodes.OK, "upload", sourceUrl("video.mp4"));
        Files.delete(workDir.resolve("seed.mp4"));
    }

    private void runInProcess(Map<String, String> env, int exitCode, String... args) {
        CliResult result = CliRun.run(env, workDir, args);
        assertThat(result.exitCode())
                .as("seeding: vodkit %s\n%s", String.join(" ", args), result)
                .isEqualTo(exitCode);
        result.lines().forEach(this::remember);
    }

    /** The working folder the commands run in (also their {@code HOME}). */
    public Path workDir() {
        return workDir;
    }

    /** The environment the commands run with (a copy). */
    public Map<String, String> env() {
        return new HashMap<>(env);
    }

    /** The latest value of an output field. */
    public String field(String name) {
        String value = fields.get(name);
        assertThat(value).as("no output had the field %s yet", name).isNotNull();
        return value;
    }

    /** The URL of {@code name} on the URL-pull source (what {@code https://example.com/NAME} stands for). */
    public String sourceUrl(String name) {
        return source.url("/files/" + name);
    }

    /** Copies the test clip to {@code file}. */
    public void copyClip(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.copy(clip, file);
    }

    /**
     * Runs one printed command line (continuation lines joined by the shell as printed) and asserts it worked as
     * its kind of command should; returns what it printed.
     */
    public CliResult run(String printed) {
        String line = substitute(printed.replace(EXAMPLE_HOST, source.url("/files/")));
        Matcher command = SUBCOMMAND.matcher(line);
        String subcommand = command.find() ? command.group(1) : "";
        if (subcommand.equals("mcp")) {
            JsonNode tools = McpProbe.toolsList(Shell.start(workDir, env, line));
            assertThat(tools.isArray() && !tools.isEmpty())
                    .as("%s lists tools: %s", printed, tools)
                    .isTrue();
            return new CliResult(0, "", "");
        }
        boolean serves = subcommand.equals("serve") && !line.contains("--stop");
        CliResult result = serves ? Shell.runUntilFirstLine(workDir, env, line) : Shell.run(workDir, env, line);
        if (serves) {
            assertThat(result.lines()).as("%s\n%s", printed, result).isNotEmpty();
            assertThat(result.lines().get(0).has("endpoint"))
                    .as("%s\n%s", printed, result)
                    .isTrue();
            return result;
        }
        assertRan(printed, result);
        result.lines().forEach(this::remember);
        return result;
    }

    /**
     * Asserts that a printed line worked: exit 0, and when it runs vodkit with its output on stdout (not redirected
     * to a file or into the shell), JSON lines, at least one.
     */
    public static void assertRan(String printed, CliResult result) {
        assertThat(result.exitCode()).as("%s\n%s", printed, result).isZero();
        if (SUBCOMMAND.matcher(printed).find() && !printed.contains(">") && !printed.contains("<(")) {
            assertThat(result.lines())
                    .as("%s prints JSON lines\n%s", printed, result)
                    .isNotEmpty();
        }
    }

    private String substitute(String command) {
        Matcher placeholder = PLACEHOLDER.matcher(command);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String value = fields.get(placeholder.group(1));
            if (value == null) {
                fail("%s uses <%s>, a field no output had", command, placeholder.group(1));
            }
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(out).toString();
    }

    private void remember(JsonNode output) {
        output.fields().forEachRemaining(field -> {
            if (field.getValue().isTextual()) {
                fields.put(field.getKey(), field.getValue().asText());
            }
        });
        if (output.has("VideoUrls") && !output.get("VideoUrls").isEmpty()) {
            remember(output.get("VideoUrls").get(0));
        }
    }

    /** The lines of a markdown document's fenced blocks in {@code language}, comments and blank lines left out. */
    public static List<String> codeLines(String markdown, String language) {
        List<String> lines = new ArrayList<>();
        Matcher block = Pattern.compile("```" + Pattern.quote(language) + "\\n(.*?)```", Pattern.DOTALL)
                .matcher(markdown);
        while (block.find()) {
            block.group(1)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(lines::add);
        }
        return lines;
    }

    /** Reads a file of the repository (README.md, skill/SKILL.md). */
    public static String repositoryFile(String path) throws IOException {
        return Files.readString(Checkout.REPOSITORY.resolve(path), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            source.close();
        } finally {
            try {
                emulator.close();
            } finally {
                BackgroundEmulators.stopIn(vodkitHome);
            }
        }
    }
}

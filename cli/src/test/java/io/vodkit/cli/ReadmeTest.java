package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.cli.support.BackgroundEmulators;
import io.vodkit.cli.support.Checkout;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.McpProbe;
import io.vodkit.cli.support.PrintedCommands;
import io.vodkit.cli.support.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md as a new user follows it, in a checkout ({@link Checkout}) with no credentials and a fresh
 * {@code HOME}: every line of its {@code sh} blocks runs as printed, in order, from the checkout (the fresh-machine
 * command, putting {@code vodkit} on PATH, installing the skill), and every MCP client configuration shown to a user
 * (README, SKILL.md, {@code vodkit mcp --help}) starts a server that an MCP client can list the tools of. The
 * background emulators those commands start are stopped by the README's own {@code vodkit serve --stop}, and in
 * the teardown whatever the test failed to reach.
 */
class ReadmeTest {
    /** The README's test command: it is the build this test runs in, so it is not run again from here. */
    private static final String TEST_COMMAND = "mvn -B verify";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** The {@code VODKIT_HOME}s of the users this test played, whose background emulators the teardown stops. */
    private final List<Path> vodkitHomes = new ArrayList<>();

    @AfterEach
    void stopBackgroundEmulators() {
        vodkitHomes.forEach(BackgroundEmulators::stopIn);
    }

    private static String readme() throws IOException {
        return PrintedCommands.repositoryFile("README.md");
    }

    @Test
    void aFreshMachineIsGivenTwoCommandsBuildAndUploadThenTest() throws IOException {
        List<String> first = PrintedCommands.codeLines(readme(), "sh").subList(0, 2);

        assertThat(first.get(0)).startsWith("./vodkit sample demo.wav && ./vodkit upload demo.wav");
        assertThat(first.get(1)).startsWith(TEST_COMMAND + " ");
    }

    @Test
    void theUsageNamesEveryCommand() throws IOException {
        String readme = readme();
        for (String command : HelpExamplesTest.commandPaths().stream()
                .filter(path -> path.size() == 1)
                .map(path -> path.get(0))
                .toList()) {
            assertThat(readme).as("README's usage").contains("vodkit " + command + " ");
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyShellLineRunsAsPrintedFromTheCheckout() throws IOException {
        Checkout checkout = Checkout.ofVodkit(Files.createDirectories(tmp.resolve("vodkit")));
        Path home = Files.createDirectories(tmp.resolve("home"));
        Map<String, String> env = Shell.userEnv(home, home.resolve(".local/bin"));
        vodkitHomes.add(home.resolve(".vodkit"));
        List<String> lines = PrintedCommands.codeLines(readme(), "sh").stream()
                .filter(line -> !line.startsWith(TEST_COMMAND))
                .toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);

        List<JsonNode> uploads = new ArrayList<>();
        List<JsonNode> stops = new ArrayList<>();
        for (String line : lines) {
            CliResult result = Shell.run(checkout.root(), env, line);
            PrintedCommands.assertRan(line, result);
            result.lines().stream().filter(json -> json.has("Vid")).forEach(uploads::add);
            result.lines().stream().filter(json -> json.has("stopped")).forEach(stops::add);
        }

        assertThat(uploads).as("uploads").hasSizeGreaterThanOrEqualTo(2);
        assertThat(uploads)
                .extracting(json -> json.get("Vid").asText())
                .containsOnly(uploads.get(0).get("Vid").asText());
        assertThat(stops)
                .as("the README's serve --stop stopped the emulator its uploads started")
                .singleElement()
                .satisfies(stop -> assertThat(stop.get("stopped").asBoolean()).isTrue());
        assertThat(BackgroundEmulators.running(home.resolve(".vodkit/local"))).isEmpty();
        assertThat(home.resolve(".local/bin/vodkit")).isSymbolicLink();
        assertThat(home.resolve(".claude/skills/vodkit/SKILL.md"))
                .hasSameTextualContentAs(checkout.root().resolve("skill/SKILL.md"));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyMcpClientConfigurationShownStartsAServerWithTheTools() throws IOException {
        List<String> configurations = new ArrayList<>();
        configurations.addAll(mcpConfigurations(String.join("\n", PrintedCommands.codeLines(readme(), "json"))));
        configurations.addAll(mcpConfigurations(String.join(
                "\n", PrintedCommands.codeLines(PrintedCommands.repositoryFile("skill/SKILL.md"), "json"))));
        configurations.addAll(
                mcpConfigurations(CliRun.run(Map.of(), tmp, "mcp", "--help").stdout()));
        assertThat(configurations)
                .as("README, SKILL.md and mcp --help each show one")
                .hasSize(3);

        Path bin = Checkout.ofVodkit(Files.createDirectories(tmp.resolve("vodkit")))
                .linkInto(tmp.resolve("bin"));
        for (String configuration : configurations) {
            Iterator<JsonNode> servers =
                    JSON.readTree(configuration).get("mcpServers").elements();
            JsonNode server = servers.next();
            assertThat(servers.hasNext()).as(configuration).isFalse();
            Path home = Files.createTempDirectory(tmp, "home");
            vodkitHomes.add(home.resolve(".vodkit"));
            Map<String, String> env = Shell.userEnv(home, bin);
            server.path("env")
                    .fields()
                    .forEachRemaining(variable ->
                            env.put(variable.getKey(), variable.getValue().asText()));

            JsonNode tools = McpProbe.toolsList(start(server, env, home));

            assertThat(tools.findValuesAsText("name")).as(configuration).contains("upload_media", "enhance_video");
        }
    }

    /** Starts a configured server as an MCP client does: its command looked up on the PATH of its environment. */
    private static Process start(JsonNode server, Map<String, String> env, Path dir) throws IOException {
        String command = server.get("command").asText();
        Path program = command.contains("/") ? Path.of(command) : null;
        for (String folder : env.get("PATH").split(":")) {
            if (program == null && Files.isExecutable(Path.of(folder, command))) {
                program = Path.of(folder, command);
            }
        }
        assertThat(program).as("'%s' on the PATH %s", command, env.get("PATH")).isNotNull();
        List<String> words = new ArrayList<>(List.of(program.toString()));
        server.path("args").forEach(arg -> words.add(arg.asText()));
        ProcessBuilder builder = new ProcessBuilder(words).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(new HashMap<>(env));
        return builder.start();
    }

    /** The {@code {"mcpServers": …}} objects in a text, each as printed (it may span lines). */
    private static List<String> mcpConfigurations(String text) {
        List<String> found = new ArrayList<>();
        for (int start = text.indexOf("{\"mcpServers\"");
                start >= 0;
                start = text.indexOf("{\"mcpServers\"", start + 1)) {
            int depth = 0;
            for (int i = start; i < text.length(); i++) {
                depth += text.charAt(i) == '{' ? 1 : text.charAt(i) == '}' ? -1 : 0;
                if (depth == 0) {
                    found.add(text.substring(start, i + 1));
                    break;
                }
            }
        }
        return found;
    }
}

package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.cli.support.CliProcess;
import io.vodkit.cli.support.TestEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Secrets in the environment (the BytePlus secret key, a token of the user's) appear in no output, stdout or stderr,
 * of a command that fails on a file argument: {@code @/proc/self/environ}, a {@code .env}, JSON that is bad or holds
 * the secret as a value, devices and FIFOs (refused at once, never read). Each runs as its own process, so
 * {@code /proc/self/environ} is the environment that holds the secrets.
 */
class SecretLeakTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "tok-7f3a9c1e-never-print-me";

    @TempDir
    static Path dir;

    private static TestEmulator vod;

    @BeforeAll
    static void files() throws IOException, InterruptedException {
        vod = TestEmulator.start(dir.resolve("data"));
        Files.writeString(
                dir.resolve(".env.secrets"),
                "BYTEPLUS_SECRETKEY=" + TestEmulator.SECRET_KEY + "\nMY_TOKEN=" + TOKEN + "\n");
        Files.writeString(dir.resolve("broken.json"), "{\"video\": \"v0a\",\n \"config\": " + TOKEN + "}\n");
        Files.writeString(
                dir.resolve("values.json"),
                "{\"video\":\"v0a\",\"config\":\"" + TOKEN + "\",\"res\":\"" + TestEmulator.SECRET_KEY
                        + "\",\"type\":\"" + TOKEN + "\",\"repair_style\":\"" + TOKEN + "\"}");
        Files.writeString(dir.resolve("two.json"), "{\"video\":\"v0a\"}\n{\"secret\":\"" + TOKEN + "\"}\n");
        Files.writeString(dir.resolve("list.txt"), "MY_TOKEN=" + TOKEN + "\n");
        new ProcessBuilder("mkfifo", dir.resolve("fifo").toString()).start().waitFor();
    }

    @AfterAll
    static void stop() {
        vod.close();
    }

    static Stream<Arguments> failingCommands() {
        return Stream.of(
                Arguments.of("enhance", new String[] {"enhance", "@/proc/self/environ"}),
                Arguments.of("enhance --debug", new String[] {"enhance", "@/proc/self/environ", "--debug"}),
                Arguments.of("upload", new String[] {"upload", "@/proc/self/environ"}),
                Arguments.of("upload to a space", new String[] {"upload", "@/proc/self/environ", "my_space"}),
                Arguments.of("enhance a .env", new String[] {"enhance", "@.env.secrets"}),
                Arguments.of("upload a .env", new String[] {"upload", "@.env.secrets"}),
                Arguments.of("JSON broken at the secret", new String[] {"enhance", "@broken.json"}),
                Arguments.of("JSON holding secrets as values", new String[] {"enhance", "@values.json"}),
                Arguments.of("two JSON objects", new String[] {"enhance", "@two.json"}),
                Arguments.of("a list line holding the token", new String[] {"upload", "@list.txt"}),
                Arguments.of("a device", new String[] {"enhance", "@/dev/zero"}),
                Arguments.of("a device as a list", new String[] {"upload", "@/dev/zero"}),
                Arguments.of("a FIFO", new String[] {"enhance", "@fifo"}),
                Arguments.of("a folder", new String[] {"enhance", "@/proc/self"}),
                // picocli's own @FILE expansion is off for every command: these are plain words
                Arguments.of("play-url", new String[] {"play-url", "@/proc/self/environ"}),
                Arguments.of("jobs", new String[] {"jobs", "@/proc/self/environ"}),
                Arguments.of(
                        "an option value", new String[] {"upload", "missing.mp4", "--title", "@/proc/self/environ"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingCommands")
    void noSecretInAnyOutput(String name, String[] args) throws Exception {
        if (String.join(" ", args).contains("fifo")) {
            assumeTrue(Files.exists(dir.resolve("fifo")), "mkfifo is available");
        }
        Map<String, String> env = new HashMap<>(vod.env(dir.resolve("home")));
        env.put("MY_TOKEN", TOKEN);
        Process process = CliProcess.start(dir, env, args);
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("ends at once, reading no device or FIFO")
                .isTrue();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as("%s\n%s", stdout, stderr).isEqualTo(ExitCodes.INVALID_INPUT);
        JsonNode line = JSON.readTree(stdout);
        assertThat(line.get("error").asText()).as(stderr).isNotBlank();
        assertThat(stdout + stderr).doesNotContain(TOKEN).doesNotContain(TestEmulator.SECRET_KEY);
        assertThat(vod.stats().get("requests").asLong())
                .as("requests reaching the service")
                .isZero();
    }
}

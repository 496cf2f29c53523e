package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.cli.support.CliProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vodkit console} and {@code serve}'s console address, with real processes: the URL printed opens the console,
 * the same address without its token is refused, {@code console} joins a running {@code serve}, and {@code --open}
 * hands the URL to the desktop's opener.
 */
class ConsoleEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void consoleJoinsARunningServeAndPrintsItsTokenUrl() throws Exception {
        Process serve = CliProcess.start(tmp, Map.of(), "serve", "--port", "0");
        try {
            JsonNode ready = JSON.readTree(CliProcess.firstLine(serve.getInputStream()));
            String endpoint = ready.get("endpoint").asText();
            String printed = ready.get("console").asText();
            assertThat(printed).startsWith(endpoint + "/console/?token=");

            Process console = CliProcess.start(tmp, Map.of(), "console");
            String stdout = new String(console.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(console.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(console.exitValue()).isZero();
            assertThat(stdout.lines().toList()).hasSize(1);
            assertThat(JSON.readTree(stdout).get("url").asText()).isEqualTo(printed);

            assertThat(get(printed).statusCode()).isEqualTo(200);
            assertThat(get(endpoint + "/console/").statusCode()).isEqualTo(401);
            assertThat(get(endpoint + "/console/api/media").statusCode()).isEqualTo(401);
        } finally {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
            serve.destroyForcibly();
        }
    }

    @Test
    void consoleAloneStartsTheBackgroundEmulatorAndOpensTheBrowserOnlyWhenAsked() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path opened = tmp.resolve("opened.txt");
        Path opener = bin.resolve("xdg-open");
        Files.writeString(opener, "#!/bin/sh\nprintf '%s' \"$1\" > '" + opened + "'\n");
        Files.setPosixFilePermissions(opener, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"));
        try {
            Process console = CliProcess.start(tmp, env, "console", "--open");
            String stdout = new String(console.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(console.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(console.exitValue()).isZero();
            assertThat(stdout.lines().toList()).hasSize(1);
            String url = JSON.readTree(stdout).get("url").asText();
            HttpResponse<String> page = get(url);
            assertThat(page.statusCode())
                    .as("the background emulator serves it after the command")
                    .isEqualTo(200);
            assertThat(page.body()).contains("<title>vodkit console</title>");
            assertThat(page.headers().firstValue("Set-Cookie").orElse("")).contains("HttpOnly", "SameSite=Strict");
            // the opener runs after the line
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(opened).hasContent(url));

            Process again = CliProcess.start(tmp, Map.of(), "console");
            String second = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(JSON.readTree(second).get("url").asText())
                    .as("the same emulator, the same token")
                    .isEqualTo(url);
        } finally {
            Process stop = CliProcess.start(tmp, Map.of(), "serve", "--stop");
            assertThat(stop.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

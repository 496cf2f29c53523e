package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.cli.support.CliProcess;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vodkit as a real process: exit codes, stdout purity, and {@code serve} stopping cleanly on SIGTERM. */
class ProcessEndToEndTest {
    @TempDir
    Path tmp;

    private Process start(String... args) throws Exception {
        return start(Map.of(), args);
    }

    private Process start(Map<String, String> env, String... args) throws Exception {
        return CliProcess.start(tmp, env, args);
    }

    @Test
    void aFailureIsOneJsonLineOnStdoutAndANonZeroExit() throws Exception {
        Process process = start("upload", "missing.mp4");
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(stdout.lines().toList()).hasSize(1);
        assertThat(new ObjectMapper().readTree(stdout).get("error").asText()).contains("missing.mp4");
        assertThat(stderr).doesNotContain("\tat ");
    }

    @Test
    void serveReportsReadinessServesUploadsAndStopsOnSigterm() throws Exception {
        Process serve = start("serve", "--port", "0", "--data", "data", "--space", "demo");
        try {
            JsonNode ready = new ObjectMapper().readTree(CliProcess.firstLine(serve.getInputStream()));
            assertThat(ready.get("endpoint").asText()).startsWith("http://127.0.0.1:");
            assertThat(ready.get("region").asText()).isEqualTo("ap-singapore-1");
            assertThat(ready.get("spaces").toString()).contains("demo");
            assertThat(ready.get("secret_key").asText())
                    .as("generated secret is printed")
                    .isNotBlank();

            Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 100_000, 9);
            CliResult upload = CliRun.run(
                    Map.of(
                            "VOD_ENDPOINT", ready.get("endpoint").asText(),
                            "BYTEPLUS_ACCESSKEY", ready.get("access_key").asText(),
                            "BYTEPLUS_SECRETKEY", ready.get("secret_key").asText(),
                            "VODKIT_HOME", tmp.resolve("home").toString()),
                    tmp,
                    "upload",
                    file.toString(),
                    "demo");
            assertThat(upload.exitCode()).as(upload.toString()).isZero();
            assertThat(TestMedia.downloadMd5(upload.single().get("PlayURL").asText()))
                    .isEqualTo(TestMedia.md5(file));

            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS))
                    .as("stops after SIGTERM")
                    .isTrue();
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void serveOnATakenPortOrWithABadSpaceSaysWhyInOneLineWithoutLogNoise() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Finished busy = finish(start("serve", "--port", String.valueOf(taken.getLocalPort()), "--data", "data"));

            assertThat(busy.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(busy.error())
                    .startsWith("cannot start the emulator: cannot bind 127.0.0.1:" + taken.getLocalPort())
                    .contains("--port 0")
                    .doesNotContain("internal error");
            assertThat(busy.stderr()).doesNotContain("Javalin").doesNotContain("unexpected error");
        }
        Finished badSpace = finish(start("serve", "--port", "0", "--data", "data", "--space", "no spaces"));

        assertThat(badSpace.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(badSpace.error()).isEqualTo("space name must be 1-64 letters, digits, '.', '_' or '-': no spaces");
        assertThat(badSpace.stderr()).doesNotContain("unexpected error");
    }

    /** A process run to its end: exit code, its only stdout line's {@code error}, and stderr. */
    private record Finished(int exitCode, String error, String stderr) {}

    private static Finished finish(Process process) throws Exception {
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(stdout.lines().toList()).as(stderr).hasSize(1);
        return new Finished(
                process.exitValue(),
                new ObjectMapper().readTree(stdout).path("error").asText(),
                stderr);
    }

    @Test
    void debugLogsRequestsButNeverTheSecretOrSignatures() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 50_000, 10);
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            Process upload = start(vod.env(tmp.resolve("home")), "upload", file.toString(), "--debug");
            String stdout = new String(upload.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String stderr = new String(upload.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(upload.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(upload.exitValue()).as(stderr).isZero();
            assertThat(stderr).contains("[DEBUG]").contains("ApplyUploadInfo");
            assertThat(stdout + stderr)
                    .doesNotContain(TestEmulator.SECRET_KEY)
                    .doesNotContain("Signature=")
                    .doesNotContain("SpaceKey/");
        }
    }

    @Test
    void serveWithAFaultRateFailsRequestsOnPurposeAndCountsThem() throws Exception {
        Process serve = start("serve", "--port", "0", "--data", "data", "--fault-rate", "1");
        try {
            String endpoint = new ObjectMapper()
                    .readTree(CliProcess.firstLine(serve.getInputStream()))
                    .get("endpoint")
                    .asText();
            assertThat(CliProcess.firstLineContaining(serve.getErrorStream(), "on purpose"))
                    .contains("failing 100% of requests on purpose");
            List<Integer> wholeAnswers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                HttpURLConnection request =
                        (HttpURLConnection) URI.create(endpoint + "/?Action=ListDomain&Version=2023-01-01")
                                .toURL()
                                .openConnection();
                request.setReadTimeout(1000);
                try {
                    int status = request.getResponseCode();
                    (status < 400 ? request.getInputStream() : request.getErrorStream()).readAllBytes();
                    wholeAnswers.add(status);
                } catch (IOException brokenOnPurpose) {
                    // a reset, a stall or a truncated answer
                } finally {
                    request.disconnect();
                }
            }
            JsonNode stats = new ObjectMapper()
                    .readTree(URI.create(endpoint + "/_vodkit/stats").toURL());

            assertThat(wholeAnswers)
                    .as("never the real answer (401, unsigned) in full")
                    .allSatisfy(status -> assertThat(status).isIn(500, 503));
            assertThat(stats.get("faults_injected").asLong()).isGreaterThanOrEqualTo(5);
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS))
                    .as("stops at once, stalls or not")
                    .isTrue();
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void serveWithGivenKeysDoesNotPrintTheSecret() throws Exception {
        Process serve = start(
                "serve", "--port", "0", "--data", "data", "--access-key", "AKGIVEN", "--secret-key", "given-secret");
        try {
            String line = CliProcess.firstLine(serve.getInputStream());
            assertThat(new ObjectMapper().readTree(line).get("access_key").asText())
                    .isEqualTo("AKGIVEN");
            assertThat(line).doesNotContain("given-secret");
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            serve.destroyForcibly();
        }
    }
}

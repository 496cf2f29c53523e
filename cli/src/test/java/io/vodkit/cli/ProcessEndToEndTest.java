package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
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
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("BYTEPLUS_") || k.startsWith("VOD"));
        builder.environment().put("VODKIT_HOME", tmp.resolve("home").toString());
        builder.environment().putAll(env);
        return builder.start();
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
            BufferedReader stdout = new BufferedReader(
                    new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            JsonNode ready = new ObjectMapper().readTree(stdout.readLine());
            assertThat(ready.get("endpoint").asText()).startsWith("http://127.0.0.1:");
            assertThat(ready.get("region").asText()).isEqualTo("ap-singapore-1");
            assertThat(ready.get("spaces").toString()).contains("demo");
            assertThat(ready.get("secret_key").asText()).as("generated secret is printed").isNotBlank();

            Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 100_000, 9);
            CliResult upload = CliRun.run(Map.of(
                    "VOD_ENDPOINT", ready.get("endpoint").asText(),
                    "BYTEPLUS_ACCESSKEY", ready.get("access_key").asText(),
                    "BYTEPLUS_SECRETKEY", ready.get("secret_key").asText(),
                    "VODKIT_HOME", tmp.resolve("home").toString()), tmp, "upload", file.toString(), "demo");
            assertThat(upload.exitCode()).as(upload.toString()).isZero();
            assertThat(TestMedia.downloadMd5(upload.single().get("PlayURL").asText()))
                    .isEqualTo(TestMedia.md5(file));

            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("stops after SIGTERM").isTrue();
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void serveOnATakenPortOrWithABadSpaceSaysWhyInOneLineWithoutLogNoise() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Finished busy = finish(start("serve", "--port", String.valueOf(taken.getLocalPort()), "--data", "data"));

            assertThat(busy.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(busy.error()).startsWith("cannot start the emulator: cannot bind 127.0.0.1:"
                    + taken.getLocalPort()).contains("--port 0").doesNotContain("internal error");
            assertThat(busy.stderr()).doesNotContain("Javalin").doesNotContain("unexpected error");
        }
        Finished badSpace = finish(start("serve", "--port", "0", "--data", "data", "--space", "no spaces"));

        assertThat(badSpace.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(badSpace.error()).isEqualTo("space name must be 1-64 letters, digits, '.', '_' or '-': no spaces");
        assertThat(badSpace.stderr()).doesNotContain("unexpected error");
    }

    /** A process run to its end: exit code, its only stdout line's {@code error}, and stderr. */
    private record Finished(int exitCode, String error, String stderr) {
    }

    private static Finished finish(Process process) throws Exception {
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(stdout.lines().toList()).as(stderr).hasSize(1);
        return new Finished(process.exitValue(), new ObjectMapper().readTree(stdout).path("error").asText(), stderr);
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
            assertThat(stdout + stderr).doesNotContain(TestEmulator.SECRET_KEY).doesNotContain("Signature=")
                    .doesNotContain("SpaceKey/");
        }
    }

    @Test
    void serveWithGivenKeysDoesNotPrintTheSecret() throws Exception {
        Process serve = start("serve", "--port", "0", "--data", "data", "--access-key", "AKGIVEN",
                "--secret-key", "given-secret");
        try {
            BufferedReader stdout = new BufferedReader(
                    new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String line = stdout.readLine();
            assertThat(new ObjectMapper().readTree(line).get("access_key").asText()).isEqualTo("AKGIVEN");
            assertThat(line).doesNotContain("given-secret");
            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            serve.destroyForcibly();
        }
    }
}

package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.cli.support.BackgroundEmulators;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestEmulator;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vodkit doctor} against a real emulator, a wrong secret, an unreachable endpoint and a broken setup. */
class DoctorEndToEndTest {
    @TempDir
    Path tmp;

    @AfterEach
    void stopBackgroundEmulators() {
        BackgroundEmulators.stopIn(tmp.resolve("home"));
    }

    /** The checks of the run's single JSON line, by name. */
    private static Map<String, JsonNode> checks(CliResult result) {
        Map<String, JsonNode> checks = new LinkedHashMap<>();
        result.single()
                .get("checks")
                .forEach(check -> checks.put(check.get("name").asText(), check));
        return checks;
    }

    @Test
    void everythingPassesAgainstAWorkingService() throws Exception {
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            CliResult result = CliRun.run(vod.env(tmp.resolve("home")), tmp, "doctor");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.single().get("ok").asBoolean()).isTrue();
            assertThat(result.single().get("service").asText()).isEqualTo("BytePlus at " + vod.endpoint());
            Map<String, JsonNode> checks = checks(result);
            assertThat(checks)
                    .containsOnlyKeys("credentials", "endpoint", "signature", "space", "clock", "home", "ffmpeg");
            checks.values().stream()
                    .filter(check -> check.get("essential").asBoolean())
                    .forEach(check -> assertThat(check.get("ok").asBoolean())
                            .as(check.toString())
                            .isTrue());
            assertThat(checks.get("endpoint").get("detail").asText())
                    .startsWith(vod.endpoint() + " is reachable")
                    .doesNotContain("HTTP 4");
            assertThat(checks.get("signature").get("detail").asText()).contains("the credentials are valid");
            assertThat(checks.get("space").get("detail").asText()).startsWith(TestEmulator.SPACE + " exists");
            assertThat(checks.get("clock").get("detail").asText()).startsWith("the local clock is");
            assertThat(result.stdout()).doesNotContain(TestEmulator.SECRET_KEY);
        }
    }

    @Test
    void aWrongSecretFailsTheSignatureCheckAndSaysWhatToFix() throws Exception {
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            Map<String, String> env = vod.env(tmp.resolve("home"));
            env.put("BYTEPLUS_SECRETKEY", "not-the-secret");

            CliResult result = CliRun.run(env, tmp, "doctor");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
            assertThat(result.single().get("ok").asBoolean()).isFalse();
            Map<String, JsonNode> checks = checks(result);
            assertThat(checks.get("endpoint").get("ok").asBoolean()).isTrue();
            assertThat(checks.get("endpoint").get("detail").asText())
                    .contains("is reachable")
                    .doesNotContain("HTTP 401");
            assertThat(checks.get("signature").get("ok").asBoolean()).isFalse();
            assertThat(checks.get("signature").get("detail").asText())
                    .startsWith("the service refused the credentials: check BYTEPLUS_ACCESSKEY, BYTEPLUS_SECRETKEY")
                    .contains("SignatureDoesNotMatch");
            assertThat(result.stdout()).doesNotContain("not-the-secret");
        }
    }

    @Test
    void anUnreachableEndpointIsReportedAndTheChecksThatNeedItAreSkipped() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> env = new HashMap<>(Map.of(
                "BYTEPLUS_ACCESSKEY",
                "AK",
                "BYTEPLUS_SECRETKEY",
                "SK",
                "VOD_ENDPOINT",
                "http://127.0.0.1:" + closedPort,
                "VOD_SPACE_NAME",
                "s",
                "VODKIT_HOME",
                tmp.resolve("home").toString()));

        CliResult result = CliRun.run(env, tmp, "doctor");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
        Map<String, JsonNode> checks = checks(result);
        assertThat(checks.get("endpoint").get("detail").asText())
                .startsWith("cannot reach http://127.0.0.1:" + closedPort + ": ConnectException");
        assertThat(checks.get("signature").get("detail").asText())
                .isEqualTo("not checked: the endpoint is unreachable");
        assertThat(checks.get("home").get("ok").asBoolean()).isTrue();
    }

    @Test
    void withoutCredentialsItSaysItCheckedTheLocalEmulatorAndThatNoAccountIsConfigured() {
        CliResult result = CliRun.run(Map.of("VODKIT_HOME", tmp.resolve("home").toString()), tmp, "doctor");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.single().get("service").asText()).isEqualTo("local emulator: no BytePlus account configured");
        Map<String, JsonNode> checks = checks(result);
        assertThat(checks.get("credentials").get("ok").asBoolean())
                .as("no account is no passing check")
                .isFalse();
        assertThat(checks.get("credentials").get("essential").asBoolean()).isFalse();
        assertThat(checks.get("credentials").get("detail").asText())
                .startsWith("no BytePlus account configured: commands use the local emulator");
        assertThat(checks.get("signature").get("ok").asBoolean()).isTrue();
        assertThat(checks.get("signature").get("detail").asText()).startsWith("the local emulator accepted");
        assertThat(checks.get("space").get("detail").asText()).startsWith("local exists");
    }

    @Test
    void incompleteCredentialsAnUnknownSpaceAndAnUnwritableHomeEachFailTheirCheck() throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("home-file"), "x");
        CliResult incomplete =
                CliRun.run(Map.of("BYTEPLUS_ACCESSKEY", "AK", "VODKIT_HOME", notAFolder.toString()), tmp, "doctor");

        assertThat(incomplete.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(incomplete.single().get("service").asText()).isEqualTo("none: the settings are invalid");
        assertThat(checks(incomplete).get("settings").get("detail").asText()).contains("BYTEPLUS_SECRETKEY is missing");

        Map<String, JsonNode> checks = checks(CliRun.run(
                Map.of(
                        "VODKIT_HOME",
                        notAFolder.toString(),
                        "VOD_ENDPOINT",
                        "http://127.0.0.1:9",
                        "BYTEPLUS_ACCESSKEY",
                        "AK",
                        "BYTEPLUS_SECRETKEY",
                        "SK"),
                tmp,
                "doctor"));
        assertThat(checks.get("home").get("ok").asBoolean()).isFalse();
        assertThat(checks.get("home").get("detail").asText()).contains("is not writable");

        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            CliResult unknown = CliRun.run(vod.env(tmp.resolve("home")), tmp, "doctor", "no_such_space");

            assertThat(unknown.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(checks(unknown).get("space").get("detail").asText())
                    .startsWith("no_such_space cannot be used")
                    .contains("does not exist");
        }
    }

    @Test
    void anInvalidSettingIsReportedAsAFailedCheck() {
        CliResult result = CliRun.run(Map.of("VOD_POLL_MAX", "many", "VODKIT_HOME", tmp.toString()), tmp, "doctor");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(checks(result).get("settings").get("detail").asText())
                .isEqualTo("VOD_POLL_MAX must be 1 to 1000000, got 'many'");
    }
}

package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.cli.support.BackgroundEmulators;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials say what they do: the official skill's legacy names reach the configured service, never the local
 * emulator, and a refused secret fails the command even when the ledger lets it skip the upload.
 */
class CredentialsEndToEndTest {
    @TempDir
    Path tmp;

    /** The environment of {@code vod} with the skill's legacy VOLCENGINE_ names instead of the BYTEPLUS_ ones. */
    private Map<String, String> legacyEnv(TestEmulator vod) {
        Map<String, String> env = vod.env(tmp.resolve("home"));
        env.put("VOLCENGINE_ACCESS_KEY", env.remove("BYTEPLUS_ACCESSKEY"));
        env.put("VOLCENGINE_SECRET_KEY", env.remove("BYTEPLUS_SECRETKEY"));
        return env;
    }

    @Test
    void theLegacyVolcengineNamesUploadToTheConfiguredService() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 100_000, 51);
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            CliResult result = CliRun.run(legacyEnv(vod), tmp, "upload", file.toString());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.single().get("SpaceName").asText()).isEqualTo(TestEmulator.SPACE);
            assertThat(vod.stats().get("vids").asLong())
                    .as("committed by the configured service")
                    .isEqualTo(1);
            assertThat(result.stderr()).doesNotContain("local emulator");
            assertThat(BackgroundEmulators.running(tmp.resolve("home").resolve("local")))
                    .isEmpty();
        }
    }

    @Test
    void halfOfTheLegacyPairIsInvalidInputNamingTheMissingKeyAndNothingIsSent() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 1_000, 52);
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            Map<String, String> env = legacyEnv(vod);
            env.remove("VOLCENGINE_SECRET_KEY");

            CliResult result = CliRun.run(env, tmp, "upload", file.toString());

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(result.single().get("error").asText())
                    .isEqualTo("incomplete credentials: "
                            + "VOLCENGINE_SECRET_KEY is missing (VOLCENGINE_ACCESS_KEY is set); set both, or neither to use "
                            + "the local emulator");
            assertThat(vod.stats().get("requests").asLong()).isZero();
            assertThat(BackgroundEmulators.running(tmp.resolve("home").resolve("local")))
                    .as("no fall-back to the local emulator")
                    .isEmpty();
        }
    }

    @Test
    void aRefusedSecretFailsTheCommandWithTheServicesMessageAlsoWhenTheLedgerSkipsTheFile() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 100_000, 53);
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            CliResult first = CliRun.run(vod.env(tmp.resolve("home")), tmp, "upload", file.toString());
            assertThat(first.exitCode()).as(first.toString()).isZero();
            Map<String, String> wrong = vod.env(tmp.resolve("home"));
            wrong.put("BYTEPLUS_SECRETKEY", "not-the-secret");

            CliResult skipped = CliRun.run(wrong, tmp, "upload", file.toString());

            assertThat(skipped.exitCode()).as(skipped.toString()).isEqualTo(ExitCodes.FAILED);
            JsonNode line = skipped.single();
            assertThat(line.get("error").asText()).contains("401").contains("SignatureDoesNotMatch");
            assertThat(line.has("PlayURL")).isFalse();
            assertThat(skipped.stdout() + skipped.stderr())
                    .doesNotContain("not-the-secret")
                    .doesNotContain(TestEmulator.SECRET_KEY);
        }
    }
}

package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.cli.support.BackgroundEmulators;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-run's ledger skip when the earlier media is gone from the service: the local emulator is asked and the file
 * goes up again; the cloud (here an emulator reached with credentials) is trusted until {@code --force}.
 */
class StaleLedgerEndToEndTest {
    @TempDir
    Path tmp;

    @AfterEach
    void stopBackgroundEmulators() {
        BackgroundEmulators.stopIn(tmp.resolve("home"));
    }

    private Path home;
    private Path file;

    @BeforeEach
    void files() throws Exception {
        home = tmp.resolve("home");
        file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 16 * 1024, 1);
    }

    /** {@code vodkit upload FILE OPTION...}, which must succeed; its line. */
    private JsonNode upload(Map<String, String> env, String... options) {
        CliResult result = CliRun.run(
                env,
                tmp,
                Stream.concat(Stream.of("upload", file.toString()), Stream.of(options))
                        .toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result.single();
    }

    @Test
    void againstTheLocalEmulatorAFileWhoseEarlierUploadIsGoneGoesUpAgainAndIsSkippedNextTime() throws Exception {
        Map<String, String> env = Map.of("VODKIT_HOME", home.toString(), "HOME", home.toString());
        String gone = upload(env).get("Vid").asText();
        // the user stops and resets the emulator
        BackgroundEmulators.stopIn(home);
        Files.move(home.resolve("local"), tmp.resolve("old-local"));

        CliResult again = CliRun.run(env, tmp, "upload", file.toString());

        assertThat(again.exitCode()).as(again.toString()).isZero();
        JsonNode line = again.single();
        assertThat(line.has("Skipped")).isFalse();
        String vid = line.get("Vid").asText();
        assertThat(vid).isNotBlank().isNotEqualTo(gone);
        assertThat(again.stderr())
                .contains("vodkit: " + file + ": the earlier upload " + gone
                        + " is gone from the service; the ledger forgets it")
                .contains("1 uploaded, 0 skipped, 0 failed");

        JsonNode third = upload(env);
        assertThat(third.get("Skipped").asBoolean()).isTrue();
        assertThat(third.get("Vid").asText()).isEqualTo(vid);
    }

    @Test
    void againstTheCloudTheLedgerIsTrustedAndForceSendsAgain() throws Exception {
        String vid;
        int port;
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            port = vod.port();
            vid = upload(vod.env(home)).get("Vid").asText();
        }
        try (TestEmulator emptied = TestEmulator.start(tmp.resolve("other-data"), port, List.of())) {
            JsonNode trusted = upload(emptied.env(home));
            assertThat(trusted.get("Skipped").asBoolean()).isTrue();
            assertThat(trusted.get("Vid").asText()).isEqualTo(vid);

            JsonNode forced = upload(emptied.env(home), "--force");
            assertThat(forced.has("Skipped")).isFalse();
            assertThat(forced.get("Vid").asText()).isNotEqualTo(vid);
        }
    }
}

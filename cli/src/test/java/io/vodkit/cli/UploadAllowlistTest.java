package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code VOD_UPLOAD_ALLOWED_DIRS}, as the official skill has it: once set, a local file outside the working
 * directory, the temp directory and the folders it lists (links resolved) is refused with exit 2 before any request.
 */
class UploadAllowlistTest {
    @TempDir
    Path tmp;

    private TestEmulator vod;
    private Path work;
    private Path outside;
    private Path allowed;
    private Map<String, String> env;

    @BeforeEach
    void files() throws Exception {
        vod = TestEmulator.start(tmp.resolve("data"));
        work = Files.createDirectories(tmp.resolve("work"));
        outside = TestMedia.randomFile(
                Files.createDirectories(tmp.resolve("outside")).resolve("out.mp4"), 1000, 1);
        allowed = TestMedia.randomFile(
                Files.createDirectories(tmp.resolve("allowed")).resolve("ok.mp4"), 1000, 2);
        TestMedia.randomFile(work.resolve("in.mp4"), 1000, 3);
        Files.createSymbolicLink(work.resolve("link.mp4"), outside);
        Files.createSymbolicLink(work.resolve("linked-folder"), outside.getParent());
        env = vod.env(tmp.resolve("home"));
        env.put("TMPDIR", Files.createDirectories(tmp.resolve("tmpdir")).toString());
    }

    @AfterEach
    void stop() {
        vod.close();
    }

    @Test
    void withTheVariableSetOnlyTheWorkingDirectoryTheTempDirectoryAndTheListedFoldersAreUploaded() throws Exception {
        env.put("VOD_UPLOAD_ALLOWED_DIRS", tmp.resolve("missing") + File.pathSeparator + allowed.getParent());
        Path temp = TestMedia.randomFile(tmp.resolve("tmpdir/t.mp4"), 1000, 4);

        for (String refused : new String[] {outside.toString(), "link.mp4", "linked-folder/out.mp4", "../outside"}) {
            CliResult result = CliRun.run(env, work, "upload", refused);
            assertThat(result.exitCode()).as(refused + ": " + result).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(result.single().get("error").asText())
                    .contains("refusing to upload")
                    .contains("outside the folders files may be uploaded from")
                    .contains("VOD_UPLOAD_ALLOWED_DIRS");
        }
        assertThat(CliRun.run(env, work, "upload", "link.mp4")
                        .single()
                        .get("error")
                        .asText())
                .contains("which leads to " + outside.toRealPath());
        CliResult mixed = CliRun.run(env, work, "upload", "in.mp4", outside.toString());
        assertThat(mixed.exitCode())
                .as("one file outside refuses the whole command")
                .isEqualTo(2);
        assertThat(vod.stats().get("requests").asLong())
                .as("requests before the refusals")
                .isZero();

        CliResult ok = CliRun.run(env, work, "upload", "in.mp4", allowed.toString(), temp.toString());
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.lines())
                .hasSize(3)
                .allSatisfy(line -> assertThat(line.get("Vid").asText()).isNotEmpty());
    }

    @Test
    void withoutTheVariableAnyFileIsUploaded() throws Exception {
        CliResult result = CliRun.run(env, work, "upload", outside.toString(), "link.mp4");

        assertThat(result.exitCode()).as(result.toString()).isZero();
    }
}

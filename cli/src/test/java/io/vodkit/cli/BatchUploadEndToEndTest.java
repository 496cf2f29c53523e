package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vodkit upload DIR} against a real emulator: media picked by extension, a line per file in path order, the
 * ledger skipping what is already in the space (nothing is sent: the emulator receives no bytes), {@code --force},
 * changed files, and the summary on stderr.
 */
class BatchUploadEndToEndTest {
    private static final long KIB = 1024;

    @TempDir
    Path tmp;

    private TestEmulator vod;
    private Path dir;
    private Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        vod = TestEmulator.start(tmp.resolve("data"));
        env = vod.env(tmp.resolve("home"));
        dir = Files.createDirectories(tmp.resolve("footage"));
        TestMedia.randomFile(dir.resolve("a.mp4"), 300 * KIB, 1);
        TestMedia.randomFile(dir.resolve("b.WAV"), 200 * KIB, 2);
        TestMedia.randomFile(dir.resolve("notes.txt"), KIB, 3);
        TestMedia.randomFile(dir.resolve(".hidden.mp4"), KIB, 4);
        Files.createDirectories(dir.resolve("sub"));
        TestMedia.randomFile(dir.resolve("sub/c.mov"), 100 * KIB, 5);
    }

    @AfterEach
    void stop() {
        vod.close();
    }

    private CliResult upload(String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = "upload";
        args[1] = dir.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        CliResult result = CliRun.run(env, tmp, args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    private long bytesReceived() throws Exception {
        return vod.stats().get("bytes_received").asLong();
    }

    private static List<String> field(CliResult result, String name) {
        return result.lines().stream().map(line -> line.path(name).asText()).toList();
    }

    @Test
    void aFolderUploadsItsMediaInPathOrderAndRAddsTheSubfolderWithoutResendingTheRest() throws Exception {
        CliResult first = upload();

        assertThat(field(first, "SourceUrl"))
                .containsExactly(
                        dir.resolve("a.mp4").toString(), dir.resolve("b.WAV").toString());
        assertThat(first.lines())
                .allSatisfy(line -> assertThat(line.has("Skipped")).isFalse());
        for (JsonNode line : first.lines()) {
            assertThat(TestMedia.downloadMd5(line.get("PlayURL").asText()))
                    .isEqualTo(TestMedia.md5(Path.of(line.get("SourceUrl").asText())));
        }
        assertThat(first.stderr()).contains("vodkit: 2 uploaded, 0 skipped, 0 failed; 0.5 MiB sent in");
        long afterFirst = bytesReceived();

        CliResult recursive = upload("-r", TestEmulator.SPACE, "--jobs", "3");

        assertThat(field(recursive, "SourceUrl"))
                .containsExactly(
                        dir.resolve("a.mp4").toString(),
                        dir.resolve("b.WAV").toString(),
                        dir.resolve("sub/c.mov").toString());
        assertThat(field(recursive, "Skipped")).containsExactly("true", "true", "");
        assertThat(field(recursive, "Vid").subList(0, 2)).isEqualTo(field(first, "Vid"));
        assertThat(bytesReceived() - afterFirst).isEqualTo(100 * KIB);
        assertThat(recursive.stderr()).contains("vodkit: 1 uploaded, 2 skipped, 0 failed; 0.1 MiB sent");
    }

    @Test
    void aRerunSendsNothingAChangedFileGoesUpAgainATouchedOneDoesNotAndForceSendsAll() throws Exception {
        List<String> vids = field(upload("-r"), "Vid");
        long sent = bytesReceived();

        CliResult again = upload("-r");
        assertThat(field(again, "Skipped")).containsExactly("true", "true", "true");
        assertThat(field(again, "Vid")).isEqualTo(vids);
        assertThat(again.lines())
                .allSatisfy(line -> assertThat(line.get("PlayURL").asText()).contains("auth_key"));
        assertThat(bytesReceived())
                .as("bytes the emulator received on a re-run")
                .isEqualTo(sent);

        TestMedia.randomFile(dir.resolve("a.mp4"), 300 * KIB, 99);
        Files.setLastModifiedTime(
                dir.resolve("b.WAV"), FileTime.from(Instant.now().plusSeconds(60)));
        Files.copy(dir.resolve("sub/c.mov"), dir.resolve("copy-of-c.mov"));
        CliResult changed = upload("-r");

        assertThat(field(changed, "SourceUrl"))
                .containsExactly(
                        dir.resolve("a.mp4").toString(),
                        dir.resolve("b.WAV").toString(),
                        dir.resolve("copy-of-c.mov").toString(),
                        dir.resolve("sub/c.mov").toString());
        assertThat(field(changed, "Skipped")).containsExactly("", "true", "true", "true");
        assertThat(field(changed, "Vid").get(0)).isNotIn(vids);
        assertThat(field(changed, "Vid").subList(1, 4)).containsExactly(vids.get(1), vids.get(2), vids.get(2));
        assertThat(bytesReceived() - sent).isEqualTo(300 * KIB);
        assertThat(TestMedia.downloadMd5(changed.lines().get(0).get("PlayURL").asText()))
                .isEqualTo(TestMedia.md5(dir.resolve("a.mp4")));

        long beforeForce = bytesReceived();
        CliResult forced = upload("-r", "--force");
        assertThat(field(forced, "Skipped")).containsOnly("");
        assertThat(field(forced, "Vid")).doesNotContainAnyElementsOf(field(changed, "Vid"));
        assertThat(bytesReceived() - beforeForce).isEqualTo(700 * KIB);
    }

    @Test
    void aFileOfTheFolderThatCannotGoUpFailsAloneAndIsCounted() throws Exception {
        Files.createFile(dir.resolve("empty.mp4"));

        CliResult result = CliRun.run(env, tmp, "upload", dir.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
        List<JsonNode> lines = result.lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2).get("error").asText()).contains("is empty");
        assertThat(lines.get(2).get("SourceUrl").asText())
                .isEqualTo(dir.resolve("empty.mp4").toString());
        assertThat(lines.get(0).get("Vid").asText()).isNotBlank();
        assertThat(result.stderr()).contains("2 uploaded, 0 skipped, 1 failed");
    }

    @Test
    void aFolderMixedWithAFileAndTheFileItContainsUploadsEachFileOnce() throws Exception {
        Path single = TestMedia.randomFile(tmp.resolve("single.mp3"), 10 * KIB, 6);

        CliResult result = upload(single.toString(), dir.resolve("a.mp4").toString());

        assertThat(field(result, "SourceUrl"))
                .containsExactly(
                        dir.resolve("a.mp4").toString(), dir.resolve("b.WAV").toString(), single.toString());
        assertThat(result.stderr()).contains("listed more than once, uploaded once: " + dir.resolve("a.mp4"));
    }

    @Test
    void identicalFilesInOneBatchGoUpOnceEvenInParallel() throws Exception {
        Files.copy(dir.resolve("a.mp4"), dir.resolve("a copy.mp4"));
        Files.copy(dir.resolve("a.mp4"), dir.resolve("sub/a again.mp4"));

        CliResult result = upload("-r", "--jobs", "4");

        assertThat(bytesReceived()).as("a.mp4's bytes sent once").isEqualTo(600 * KIB);
        assertThat(result.lines()).hasSize(5);
        assertThat(result.lines().stream().map(line -> line.get("Vid").asText()).distinct())
                .hasSize(3);
        assertThat(field(result, "Skipped").stream().filter("true"::equals)).hasSize(2);
    }

    @Test
    void twoBatchesAtOnceShareTheLedger() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other"));
        for (int i = 0; i < 4; i++) {
            TestMedia.randomFile(other.resolve("o" + i + ".mp4"), 50 * KIB, 10 + i);
        }
        CompletableFuture<CliResult> one = CompletableFuture.supplyAsync(
                () -> CliRun.run(env, tmp, "upload", dir.toString(), "-r", "--jobs", "3"));
        CompletableFuture<CliResult> two =
                CompletableFuture.supplyAsync(() -> CliRun.run(env, tmp, "upload", other.toString(), "--jobs", "4"));
        assertThat(one.get().exitCode()).as(one.get().toString()).isZero();
        assertThat(two.get().exitCode()).as(two.get().toString()).isZero();
        long sent = bytesReceived();

        CliResult both = CliRun.run(env, tmp, "upload", dir.toString(), other.toString(), "-r");

        assertThat(both.exitCode()).as(both.toString()).isZero();
        assertThat(field(both, "Skipped")).hasSize(7).containsOnly("true");
        assertThat(bytesReceived()).isEqualTo(sent);
    }

    @Test
    void onATerminalEachFileAndTheTotalGetABarAndStdoutStaysJsonLines() {
        CliResult result = CliRun.runOnTerminal(env, tmp, "upload", dir.toString(), "-r");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.lines()).hasSize(3);
        assertThat(result.stderr())
                .contains("a.mp4")
                .contains("sub/c.mov".substring(4))
                .contains("total")
                .contains("3/3 files")
                .contains("MiB/s");

        CliResult piped = CliRun.run(env, tmp, "upload", dir.toString(), "-r", "--force");
        assertThat(piped.stderr()).doesNotContain("\033[").doesNotContain("total ");
    }
}

package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input to {@code vodkit upload} is refused with one clear {@code {"error"}} line, exit code 2, no stack
 * trace, and before any request reaches the service.
 */
class UploadBadInputTest {
    @TempDir
    Path tmp;

    private TestEmulator vod;

    @BeforeEach
    void start() throws IOException {
        vod = TestEmulator.start(tmp.resolve("data"));
        Files.write(tmp.resolve("ok.mp4"), new byte[] {1, 2, 3});
        Files.write(tmp.resolve("noext"), new byte[] {1, 2, 3});
        Files.createFile(tmp.resolve("empty.mp4"));
        Files.createDirectory(tmp.resolve("folder.mp4"));
        Files.createDirectories(tmp.resolve("docs/sub"));
        Files.write(tmp.resolve("docs/readme.txt"), new byte[] {1});
        Files.write(tmp.resolve("docs/sub/clip.mp4"), new byte[] {1});
    }

    @AfterEach
    void stop() {
        vod.close();
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("a path without a file extension", env -> { }, "no extension", "upload", "noext"),
                bad("a missing file", env -> { }, "not found", "upload", "missing.mp4"),
                bad("a mistyped second file (not a space)", env -> { }, "File not found: ", "upload", "ok.mp4",
                        "typo.mp4"),
                bad("a missing source list", env -> { }, "source list not found: ", "upload", "@urls.txt"),
                bad("a space name the local emulator refuses", env -> {
                    env.remove("BYTEPLUS_ACCESSKEY");
                    env.remove("BYTEPLUS_SECRETKEY");
                    env.remove("VOD_ENDPOINT");
                }, "space name must be", "upload", "ok.mp4", "no:space"),
                bad("an empty file", env -> { }, "is empty", "upload", "empty.mp4"),
                bad("an empty folder", env -> { }, "is empty: no media file", "upload", "folder.mp4"),
                bad("a folder without media", env -> { }, "1 other file skipped; -r also looks in its 1 subfolder",
                        "upload", "docs"),
                bad("no SOURCE argument", env -> { }, "SOURCE", "upload"),
                bad("an unknown option", env -> { }, "--bogus", "upload", "ok.mp4", "--bogus"),
                bad("a zero concurrency", env -> { }, "--concurrency", "upload", "ok.mp4", "--concurrency", "0"),
                bad("a part size below 20 MiB", env -> { }, "--part-size", "upload", "ok.mp4",
                        "--part-size", "19MiB"),
                bad("a part size that is not a size", env -> { }, "--part-size", "upload", "ok.mp4",
                        "--part-size", "big"),
                bad("zero jobs", env -> { }, "--jobs", "upload", "ok.mp4", "--jobs", "0"),
                bad("a non-numeric concurrency", env -> { }, "--concurrency", "upload", "ok.mp4",
                        "--concurrency", "many"),
                bad("no space anywhere", env -> env.remove("VOD_SPACE_NAME"), "VOD_SPACE_NAME", "upload",
                        "ok.mp4"),
                bad("only the access key", env -> env.remove("BYTEPLUS_SECRETKEY"), "BYTEPLUS_SECRETKEY",
                        "upload", "ok.mp4"),
                bad("only the secret key", env -> env.remove("BYTEPLUS_ACCESSKEY"), "BYTEPLUS_ACCESSKEY",
                        "upload", "ok.mp4"),
                bad("an endpoint without credentials", env -> {
                    env.remove("BYTEPLUS_ACCESSKEY");
                    env.remove("BYTEPLUS_SECRETKEY");
                }, "VOD_ENDPOINT", "upload", "ok.mp4"),
                bad("an endpoint that is not a URL", env -> env.put("VOD_ENDPOINT", "ftp://x"), "VOD_ENDPOINT",
                        "upload", "ok.mp4"),
                bad("a negative poll interval", env -> env.put("VOD_POLL_INTERVAL", "-1"), "VOD_POLL_INTERVAL",
                        "upload", "ok.mp4"),
                bad("a non-numeric url expiry", env -> env.put("VOD_URL_EXPIRE_MINUTES", "soon"),
                        "VOD_URL_EXPIRE_MINUTES", "upload", "ok.mp4"),
                bad("an unknown command", env -> { }, "upload-all", "upload-all", "ok.mp4"));
    }

    private static Arguments bad(String name, Consumer<Map<String, String>> envChange, String expected,
                                 String... args) {
        return Arguments.of(name, envChange, expected, args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedBeforeAnyRequest(String name, Consumer<Map<String, String>> envChange, String expected,
                                   String[] args) throws Exception {
        Map<String, String> env = vod.env(tmp);
        envChange.accept(env);

        CliResult result = CliRun.run(env, tmp, args);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(result.single().get("error").asText()).as(name).contains(expected);
        assertThat(result.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(vod.stats().get("requests").asLong()).as("requests reaching the service").isZero();
    }

    @Test
    void anUnreadableFileIsRefused() throws Exception {
        Path file = tmp.resolve("secret.mp4");
        Files.write(file, new byte[] {1});
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running as root: every file is readable");

        CliResult result = CliRun.run(vod.env(tmp), tmp, "upload", file.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(result.single().get("error").asText()).contains("readable");
    }

    @Test
    void aMalformedDotEnvIsNamedWithoutItsContent() throws Exception {
        Files.writeString(tmp.resolve(".env"), "BYTEPLUS_SECRETKEY=abc\nthis line has the secret hunter2\n");

        CliResult result = CliRun.run(vod.env(tmp), tmp, "upload", "ok.mp4");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(result.single().get("error").asText()).contains(".env line 2").doesNotContain("hunter2");
    }

    @Test
    void aVodkitHomeThatIsAFileIsRefusedBeforeAnyRequest() throws Exception {
        assertLedgerRefused(tmp.resolve("ok.mp4"), "FileAlreadyExistsException");
    }

    @Test
    void aLedgerThatIsNotADatabaseIsRefusedBeforeAnyRequest() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve("ledger.db"), "this is not a SQLite database file, only text ".repeat(4));
        assertLedgerRefused(home, "not a database");
    }

    private void assertLedgerRefused(Path home, String reason) throws Exception {
        Map<String, String> env = vod.env(home);

        CliResult result = CliRun.run(env, tmp, "upload", "ok.mp4");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(result.single().get("error").asText()).contains("cannot open the vodkit ledger " + home)
                .contains(reason).contains("VODKIT_HOME");
        assertThat(result.stderr()).doesNotContain("\tat ");
        assertThat(vod.stats().get("requests").asLong()).as("requests reaching the service").isZero();
    }
}

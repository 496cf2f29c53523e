package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.FakeService;
import io.vodkit.cli.support.TestEmulator;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input a user can give, in one table: command-line arguments, settings, PARAMS, files, and a service that
 * answers badly. Each gives exactly one {@code {"error"}} line naming the problem, its exit code, no stack trace, and
 * leaves nothing half-made: no Vid is committed, and input refused as invalid never reaches the service.
 */
class BadInputTest {
    private static final String SECRET_IN_DOT_ENV = "hunter2";

    @TempDir
    Path tmp;

    private TestEmulator vod;
    private FakeService badServer;

    /** Prepares the working directory or the environment of one row. */
    @FunctionalInterface
    private interface Setup {
        void apply(Path dir, Map<String, String> env) throws IOException;
    }

    /** What a misbehaving service answers to every request. */
    private record BadAnswer(int status, String contentType, String body) {}

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
        try (RandomAccessFile big = new RandomAccessFile(tmp.resolve("big.mp4").toFile(), "rw")) {
            big.setLength(64L << 20); // sparse: a multipart-sized file that costs no disk
        }
    }

    @AfterEach
    void stop() {
        vod.close();
        if (badServer != null) {
            badServer.close();
        }
    }

    static Stream<Arguments> table() {
        Setup none = (dir, env) -> {};
        int invalid = ExitCodes.INVALID_INPUT;
        int failed = ExitCodes.FAILED;
        String enhance = "{\"video\":\"v0abc\",\"config\":\"common\",\"repair_style\":1}";
        return Stream.of(
                // files
                local("a path without a file extension", invalid, "no extension", none, "upload", "noext"),
                local("a missing file", invalid, "not found", none, "upload", "missing.mp4"),
                local(
                        "a missing file named with spaces and non-ASCII",
                        invalid,
                        "my clip é 映像.mp4",
                        none,
                        "upload",
                        "my clip é 映像.mp4"),
                local("an empty file", invalid, "is empty", none, "upload", "empty.mp4"),
                local(
                        "a mistyped second file (not a space)",
                        invalid,
                        "File not found: ",
                        none,
                        "upload",
                        "ok.mp4",
                        "typo.mp4"),
                local("an empty folder", invalid, "is empty: no media file", none, "upload", "folder.mp4"),
                local(
                        "a folder without media",
                        invalid,
                        "1 other file skipped; -r also looks in its 1 subfolder",
                        none,
                        "upload",
                        "docs"),
                local(
                        "an unreadable file",
                        invalid,
                        "readable",
                        (dir, env) -> {
                            Path file = Files.write(dir.resolve("locked.mp4"), new byte[] {1});
                            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
                            assumeFalse(Files.isReadable(file), "running as root: every file is readable");
                        },
                        "upload",
                        "locked.mp4"),
                local("a missing source list", invalid, "source list not found: ", none, "upload", "@list.txt"),
                local(
                        "a URL without a file extension",
                        invalid,
                        "file extension",
                        none,
                        "upload",
                        "http://127.0.0.1:9/clip"),
                // command-line arguments
                local("no SOURCE argument", invalid, "SOURCE", none, "upload"),
                local("an unknown option", invalid, "--bogus", none, "upload", "ok.mp4", "--bogus"),
                local("an unknown command", invalid, "upload-all", none, "upload-all", "ok.mp4"),
                local("a zero concurrency", invalid, "--concurrency", none, "upload", "ok.mp4", "--concurrency", "0"),
                local(
                        "a non-numeric concurrency",
                        invalid,
                        "--concurrency",
                        none,
                        "upload",
                        "ok.mp4",
                        "--concurrency",
                        "many"),
                local(
                        "a part size below 20 MiB",
                        invalid,
                        "--part-size",
                        none,
                        "upload",
                        "ok.mp4",
                        "--part-size",
                        "19MiB"),
                local(
                        "a part size that is not a size",
                        invalid,
                        "--part-size",
                        none,
                        "upload",
                        "ok.mp4",
                        "--part-size",
                        "big"),
                local("zero jobs", invalid, "--jobs", none, "upload", "ok.mp4", "--jobs", "0"),
                // values the service would refuse, refused before the first byte (issue 11 item 6)
                local(
                        "a part size above 5 GiB",
                        invalid,
                        "--part-size must be 20 MiB to 5 GiB, got '6GiB'",
                        none,
                        "upload",
                        "big.mp4",
                        "--part-size",
                        "6GiB"),
                local(
                        "a concurrency above 64",
                        invalid,
                        "--concurrency must be 1 to 64, got 65",
                        none,
                        "upload",
                        "big.mp4",
                        "--concurrency",
                        "65"),
                local(
                        "a title longer than 512 characters",
                        invalid,
                        "--title must be at most 512 characters, got 600 characters",
                        none,
                        "upload",
                        "big.mp4",
                        "--title",
                        "t".repeat(600)),
                local(
                        "a URL pull title longer than 128 characters",
                        invalid,
                        "--title must be at most 128 characters for a URL, got 129 characters",
                        none,
                        "upload",
                        "http://127.0.0.1:9/clip.mp4",
                        "--title",
                        "t".repeat(129)),
                local(
                        "a FileName with a leading slash",
                        invalid,
                        "--file-name must be a storage path of at most " + "2048 bytes",
                        none,
                        "upload",
                        "big.mp4",
                        "--file-name",
                        "/clips/a.mp4"),
                local(
                        "a FileName with a question mark",
                        invalid,
                        "got the character ?",
                        none,
                        "upload",
                        "ok.mp4",
                        "--file-name",
                        "a?.mp4"),
                local(
                        "a URL pull FileName over 1024 characters",
                        invalid,
                        "--file-name must be a storage path of " + "at most 1024 characters",
                        none,
                        "upload",
                        "http://127.0.0.1:9/clip.mp4",
                        "--file-name",
                        "a".repeat(1021) + ".mp4"),
                local(
                        "17 tags",
                        invalid,
                        "--tags must be at most 16 comma-separated tags, got 17 tags",
                        none,
                        "upload",
                        "big.mp4",
                        "--tags",
                        String.join(
                                ",",
                                Stream.iterate(1, n -> n + 1)
                                        .limit(17)
                                        .map(n -> "t" + n)
                                        .toList())),
                local(
                        "URL pull tags over 36 characters",
                        invalid,
                        "--tags must be at most 36 characters for a URL, got 37 characters",
                        none,
                        "upload",
                        "http://127.0.0.1:9/clip.mp4",
                        "--tags",
                        "x".repeat(37)),
                local(
                        "callback args over 512 bytes",
                        invalid,
                        "--callback-args must be at most 512 bytes (UTF-8), got 513 bytes",
                        none,
                        "upload",
                        "http://127.0.0.1:9/clip.mp4",
                        "--callback-args",
                        "c".repeat(513)),
                local(
                        "a storage class that is not one",
                        invalid,
                        "--storage-class must be standard, archive or ia, got 'cold'",
                        none,
                        "upload",
                        "big.mp4",
                        "--storage-class",
                        "cold"),
                local(
                        "an update title longer than 512 characters",
                        invalid,
                        "--title must be at most 512 characters, got 513 characters",
                        none,
                        "update",
                        "v0unknown",
                        "--title",
                        "t".repeat(513)),
                local(
                        "a zero poll interval flag on upload",
                        invalid,
                        "--poll-interval must be 0.1 to 3600 seconds, got '0'",
                        none,
                        "upload",
                        "http://127.0.0.1:9/clip.mp4",
                        "--poll-interval",
                        "0"),
                local(
                        "a poll interval flag that is not a number on poll-upload",
                        invalid,
                        "--poll-interval must be 0.1 to 3600 seconds, got 'soon'",
                        none,
                        "poll-upload",
                        "job1",
                        "--poll-interval",
                        "soon"),
                local(
                        "a zero poll max flag on enhance",
                        invalid,
                        "--poll-max must be 1 to 1000000, got '0'",
                        none,
                        "enhance",
                        enhance,
                        "--poll-max",
                        "0"),
                local(
                        "a poll max flag above the limit on poll",
                        invalid,
                        "--poll-max must be 1 to 1000000, got '1000001'",
                        none,
                        "poll",
                        "hb:0123",
                        "--poll-max",
                        "1000001"),
                local(
                        "a poll interval above an hour",
                        invalid,
                        "VOD_POLL_INTERVAL must be 0.1 to 3600 seconds, got '3601'",
                        (dir, env) -> env.put("VOD_POLL_INTERVAL", "3601"),
                        "poll",
                        "hb:0123"),
                local(
                        "a request timeout too large for a clock",
                        invalid,
                        "VOD_REQUEST_TIMEOUT must be 0.1 to 3600 seconds, got '1e300'",
                        (dir, env) -> env.put("VOD_REQUEST_TIMEOUT", "1e300"),
                        "upload",
                        "ok.mp4"),
                local(
                        "more tries than an int holds",
                        invalid,
                        "VOD_MAX_ATTEMPTS must be 1 to 100, got '99999999999'",
                        (dir, env) -> env.put("VOD_MAX_ATTEMPTS", "99999999999"),
                        "upload",
                        "ok.mp4"),
                local(
                        "a URL expiry beyond a year",
                        invalid,
                        "VOD_URL_EXPIRE_MINUTES must be 1 to 525600 minutes, got '150000000000000000'",
                        (dir, env) -> env.put("VOD_URL_EXPIRE_MINUTES", "150000000000000000"),
                        "upload",
                        "big.mp4"),
                local(
                        "a URL expiry in scientific notation",
                        invalid,
                        "VOD_URL_EXPIRE_MINUTES must be 1 to 525600 minutes, got '1.5e17'",
                        (dir, env) -> env.put("VOD_URL_EXPIRE_MINUTES", "1.5e17"),
                        "upload",
                        "big.mp4"),
                local(
                        "an endpoint with a path",
                        invalid,
                        "VOD_ENDPOINT must be an http(s) URL with a host and no " + "path, query or fragment",
                        (dir, env) -> env.put("VOD_ENDPOINT", "http://127.0.0.1:1/vod"),
                        "upload",
                        "ok.mp4"),
                local(
                        "an endpoint flag with a port out of range",
                        invalid,
                        "--endpoint must be an http(s) URL",
                        none,
                        "upload",
                        "ok.mp4",
                        "--endpoint",
                        "http://127.0.0.1:99999"),
                local(
                        "a region that is not a region name",
                        invalid,
                        "--region must be 1 to 64 lower-case letters, digits and hyphens",
                        none,
                        "upload",
                        "ok.mp4",
                        "--region",
                        "ap singapore"),
                local(
                        "a sample into a missing folder",
                        invalid,
                        "the folder " + "/no/such/dir does not exist",
                        none,
                        "sample",
                        "/no/such/dir/x.wav"),
                local(
                        "a sample onto a folder",
                        invalid,
                        "out.wav: it is a folder",
                        (dir, env) -> Files.createDirectory(dir.resolve("out.wav")),
                        "sample",
                        "out.wav"),
                local(
                        "a data folder that is a file",
                        invalid,
                        "--data must be a folder that exists or can be " + "made, and is writable, got " + "/",
                        none,
                        "serve",
                        "--port",
                        "0",
                        "--data",
                        "ok.mp4"),
                local(
                        "a data folder under a file",
                        invalid,
                        "ok.mp4 is a file",
                        none,
                        "serve",
                        "--port",
                        "0",
                        "--data",
                        "ok.mp4/data"),
                local(
                        "a fault rate that is not a number",
                        invalid,
                        "--fault-rate must be a number from 0 to 1",
                        none,
                        "serve",
                        "--port",
                        "0",
                        "--fault-rate",
                        "often"),
                local(
                        "a fault rate above 1",
                        invalid,
                        "got '1.5'",
                        none,
                        "serve",
                        "--port",
                        "0",
                        "--fault-rate",
                        "1.5"),
                local(
                        "a negative fault rate",
                        invalid,
                        "got '-0.1'",
                        none,
                        "serve",
                        "--port",
                        "0",
                        "--fault-rate",
                        "-0.1"),
                local("a port out of range", invalid, "--port", none, "serve", "--port", "70000"),
                // settings
                local(
                        "no space anywhere",
                        invalid,
                        "VOD_SPACE_NAME",
                        (dir, env) -> env.remove("VOD_SPACE_NAME"),
                        "upload",
                        "ok.mp4"),
                local(
                        "only the access key",
                        invalid,
                        "BYTEPLUS_SECRETKEY",
                        (dir, env) -> env.remove("BYTEPLUS_SECRETKEY"),
                        "upload",
                        "ok.mp4"),
                local(
                        "only the secret key",
                        invalid,
                        "BYTEPLUS_ACCESSKEY",
                        (dir, env) -> env.remove("BYTEPLUS_ACCESSKEY"),
                        "upload",
                        "ok.mp4"),
                local(
                        "an endpoint without credentials",
                        invalid,
                        "VOD_ENDPOINT",
                        (dir, env) -> {
                            env.remove("BYTEPLUS_ACCESSKEY");
                            env.remove("BYTEPLUS_SECRETKEY");
                        },
                        "upload",
                        "ok.mp4"),
                local(
                        "a space name the local emulator refuses",
                        invalid,
                        "space name must be",
                        (dir, env) -> {
                            env.remove("BYTEPLUS_ACCESSKEY");
                            env.remove("BYTEPLUS_SECRETKEY");
                            env.remove("VOD_ENDPOINT");
                        },
                        "upload",
                        "ok.mp4",
                        "no:space"),
                local(
                        "an endpoint that is not a URL",
                        invalid,
                        "VOD_ENDPOINT",
                        (dir, env) -> env.put("VOD_ENDPOINT", "ftp://x"),
                        "upload",
                        "ok.mp4"),
                local(
                        "a negative poll interval",
                        invalid,
                        "VOD_POLL_INTERVAL",
                        (dir, env) -> env.put("VOD_POLL_INTERVAL", "-1"),
                        "upload",
                        "ok.mp4"),
                local(
                        "a non-numeric url expiry",
                        invalid,
                        "VOD_URL_EXPIRE_MINUTES",
                        (dir, env) -> env.put("VOD_URL_EXPIRE_MINUTES", "soon"),
                        "upload",
                        "ok.mp4"),
                local(
                        "a zero request timeout",
                        invalid,
                        "VOD_REQUEST_TIMEOUT must be 0.1 to 3600 seconds, got '0'",
                        (dir, env) -> env.put("VOD_REQUEST_TIMEOUT", "0"),
                        "upload",
                        "ok.mp4"),
                local(
                        "zero tries per request",
                        invalid,
                        "VOD_MAX_ATTEMPTS must be 1 to 100, got '0'",
                        (dir, env) -> env.put("VOD_MAX_ATTEMPTS", "0"),
                        "upload",
                        "ok.mp4"),
                local(
                        "a malformed .env, named without its content",
                        invalid,
                        ".env line 2",
                        (dir, env) -> Files.writeString(
                                dir.resolve(".env"),
                                "BYTEPLUS_SECRETKEY=abc\nthis line has the secret " + SECRET_IN_DOT_ENV + "\n"),
                        "upload",
                        "ok.mp4"),
                // PARAMS
                local("PARAMS that are not JSON", invalid, "PARAMS is not valid JSON", none, "enhance", "{\"video\":"),
                local(
                        "PARAMS that are a JSON array",
                        invalid,
                        "PARAMS must be one JSON object",
                        none,
                        "enhance",
                        "[1]"),
                local("a missing PARAMS file", invalid, "PARAMS file not found", none, "enhance", "@params.json"),
                // refused by the service
                local(
                        "a wrong secret",
                        failed,
                        "SignatureDoesNotMatch",
                        (dir, env) -> env.put("BYTEPLUS_SECRETKEY", "not-the-secret"),
                        "upload",
                        "ok.mp4"),
                local("a space that does not exist", failed, "nospace", none, "upload", "ok.mp4", "nospace"),
                local(
                        "a Vid that does not exist",
                        failed,
                        "v0missing",
                        none,
                        "enhance",
                        "{\"video\":\"v0missing\",\"config\":\"common\",\"repair_style\":1}"),
                local("a RunId that does not exist", failed, "hb:0123", none, "poll", "hb:0123"),
                // a service that answers badly
                remote(
                        "malformed JSON",
                        failed,
                        "not JSON",
                        new BadAnswer(200, "application/json", "{\"ResponseMetadata\": {oops"),
                        "upload",
                        "clip.mp4"),
                remote(
                        "an HTML error page",
                        failed,
                        "not JSON",
                        new BadAnswer(502, "text/html", "<html><h1>Bad Gateway</h1></html>"),
                        "upload",
                        "clip.mp4"),
                remote(
                        "403",
                        failed,
                        "AccessDenied",
                        new BadAnswer(
                                403,
                                "application/json",
                                "{\"ResponseMetadata\":{\"Error\":{\"Code\":\"AccessDenied\",\"CodeN\":100013,"
                                        + "\"Message\":\"User is not authorized\"}}}"),
                        "upload",
                        "clip.mp4"),
                remote(
                        "500 forever",
                        failed,
                        "InternalError",
                        new BadAnswer(
                                500,
                                "application/json",
                                "{\"ResponseMetadata\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"boom\"}}}"),
                        "upload",
                        "clip.mp4"),
                remote(
                        "no StoreInfos",
                        failed,
                        "StoreInfos",
                        new BadAnswer(
                                200,
                                "application/json",
                                "{\"ResponseMetadata\":{},\"Result\":{\"Data\":{\"UploadAddress\":{\"StoreInfos\":[]}}}}"),
                        "upload",
                        "clip.mp4"),
                remote(
                        "an empty Result to StartExecution",
                        failed,
                        "RunId",
                        new BadAnswer(200, "application/json", "{\"ResponseMetadata\":{},\"Result\":{}}"),
                        "enhance",
                        enhance),
                remote(
                        "503 forever to StartExecution",
                        failed,
                        "503",
                        new BadAnswer(503, "text/plain", "busy"),
                        "enhance",
                        enhance),
                remote(
                        "an unknown action",
                        failed,
                        "InvalidActionOrVersion",
                        new BadAnswer(
                                404,
                                "application/json",
                                "{\"ResponseMetadata\":{\"Error\":{\"Code\":\"InvalidActionOrVersion\",\"CodeN\":100008,"
                                        + "\"Message\":\"Could not find operation\"}}}"),
                        "poll",
                        "hb:0123"),
                remote(
                        "500 with an empty body to every poll",
                        ExitCodes.TIMED_OUT,
                        "the last query failed: GetExecution failed: HTTP 500 with an empty body",
                        new BadAnswer(500, "application/json", ""),
                        "poll",
                        "hb:0123"));
    }

    private static Arguments local(String name, int exitCode, String expected, Setup setup, String... args) {
        return Arguments.of(name, exitCode, expected, null, setup, args);
    }

    private static Arguments remote(String name, int exitCode, String expected, BadAnswer answer, String... args) {
        return Arguments.of(name, exitCode, expected, answer, (Setup) (dir, env) -> {}, args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void givesOneErrorLineAndLeavesNothingHalfMade(
            String name, int exitCode, String expected, BadAnswer answer, Setup setup, String[] args) throws Exception {
        Map<String, String> env = answer == null ? vod.env(tmp) : serveBadly(answer);
        setup.apply(tmp, env);

        CliResult result = CliRun.run(env, tmp, args);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.single().get("error").asText()).as(name).contains(expected);
        assertThat(result.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(result.stdout() + result.stderr())
                .doesNotContain(SECRET_IN_DOT_ENV)
                .doesNotContain(TestEmulator.SECRET_KEY);
        if (answer == null) {
            JsonNode stats = vod.stats();
            assertThat(stats.get("vids").asLong()).as("Vids committed").isZero();
            if (exitCode == ExitCodes.INVALID_INPUT) {
                assertThat(stats.get("requests").asLong())
                        .as("requests reaching the service")
                        .isZero();
                assertThat(stats.get("bytes_received").asLong())
                        .as("bytes reaching the service")
                        .isZero();
                assertThat(stats.get("uploads_in_progress").asLong())
                        .as("uploads begun")
                        .isZero();
            }
        } else {
            assertThat(badServer.actions())
                    .as("requests reaching the service")
                    .isNotEmpty()
                    .doesNotContain("CommitUploadInfo");
        }
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
        CliResult result = CliRun.run(vod.env(home), tmp, "upload", "ok.mp4");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(result.single().get("error").asText())
                .contains("cannot open the vodkit ledger " + home)
                .contains(reason)
                .contains("VODKIT_HOME");
        assertThat(result.stderr()).doesNotContain("\tat ");
        assertThat(vod.stats().get("requests").asLong())
                .as("requests reaching the service")
                .isZero();
    }

    /** Starts a loopback service that gives {@code answer} to everything; returns the environment pointing at it. */
    private Map<String, String> serveBadly(BadAnswer answer) throws IOException {
        badServer = FakeService.start(
                action -> new FakeService.Answer(answer.status(), answer.contentType(), answer.body()));
        Files.write(tmp.resolve("clip.mp4"), new byte[] {1, 2, 3});
        Map<String, String> env = new HashMap<>(badServer.env(tmp.resolve("home")));
        env.put("VOD_POLL_INTERVAL", "0.1");
        env.put("VOD_POLL_MAX", "3");
        return env;
    }
}

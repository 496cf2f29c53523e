package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.cli.support.BackgroundEmulators;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import io.vodkit.emulator.support.SourceServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code vodkit upload URL…} and {@code vodkit poll-upload} against a real emulator and a loopback source. */
class UrlPullEndToEndTest {
    @TempDir
    Path tmp;

    private Path files;
    private SourceServer source;

    @BeforeEach
    void startSource() throws Exception {
        files = Files.createDirectories(tmp.resolve("files"));
        source = new SourceServer(files);
    }

    @AfterEach
    void stopSource() {
        source.close();
        BackgroundEmulators.stopIn(tmp.resolve("home"));
    }

    private Map<String, String> fastPolling(Map<String, String> env, String max) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put("VOD_POLL_INTERVAL", "0.2");
        copy.put("VOD_POLL_MAX", max);
        return copy;
    }

    @Test
    void aPulledClipRoundTripsByteIdentical() throws Exception {
        Path clip = TestMedia.randomFile(files.resolve("clip.mp4"), 700_000, 11);
        String url = source.url("/files/clip.mp4");
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            CliResult result = CliRun.run(fastPolling(vod.env(tmp), "100"), tmp, "upload", url, "--title", "pulled");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            JsonNode line = result.single();
            assertThat(line.get("JobId").asText()).isNotBlank();
            assertThat(line.get("SourceUrl").asText()).isEqualTo(url);
            assertThat(line.get("Source").asText())
                    .isEqualTo("vid://" + line.get("Vid").asText());
            assertThat(line.get("SpaceName").asText()).isEqualTo(TestEmulator.SPACE);
            assertThat(line.get("FileName").asText()).endsWith(".mp4");
            assertThat(line.has("PosterUri")).isTrue();
            assertThat(TestMedia.downloadMd5(line.get("PlayURL").asText())).isEqualTo(TestMedia.md5(clip));
            assertThat(result.stderr())
                    .contains("vodkit: URL pull job " + line.get("JobId").asText() + " success");
        }
    }

    @Test
    void aMissingSourceAndAnUnreachableHostGiveClearErrors() throws Exception {
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            CliResult result = CliRun.run(
                    fastPolling(vod.env(tmp), "100"),
                    tmp,
                    "upload",
                    source.url("/files/missing.mp4"),
                    "http://127.0.0.1:1/clip.mov");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
            List<JsonNode> lines = result.lines();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0).get("error").asText())
                    .isEqualTo("URL pull upload failed: source answered HTTP 404");
            assertThat(lines.get(0).get("JobId").asText()).isNotBlank();
            assertThat(lines.get(1).get("error").asText())
                    .isEqualTo("URL pull upload failed: connection refused by 127.0.0.1:1");
            assertThat(lines.get(1).get("SourceUrl").asText()).isEqualTo("http://127.0.0.1:1/clip.mov");
            assertThat(result.stderr()).doesNotContain("\tat ");
        }
    }

    @Test
    void aRefusedSubmissionGivesTheServiceErrorOncePerUrl() throws Exception {
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            CliResult result = CliRun.run(vod.env(tmp), tmp, "upload", source.url("/files/clip.mp4"), "nosuchspace");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
            assertThat(result.single().get("error").asText())
                    .startsWith("UploadMediaByUrl failed: HTTP 404 ResourceNotFound: The space nosuchspace does not "
                            + "exist.");
            assertThat(result.single().get("SourceUrl").asText()).isEqualTo(source.url("/files/clip.mp4"));
        }
    }

    @Test
    void aUrlWithoutAFileExtensionIsRefusedBeforeAnyRequest() {
        Map<String, String> env = Map.of(
                "BYTEPLUS_ACCESSKEY",
                "AK",
                "BYTEPLUS_SECRETKEY",
                "SK",
                "VOD_ENDPOINT",
                "http://127.0.0.1:1",
                "VOD_SPACE_NAME",
                "s",
                "HOME",
                tmp.toString());

        CliResult result =
                CliRun.run(env, tmp, "upload", source.url("/files/clip.mp4"), "https://example.com/watch?v=1");

        assertThat(result.exitCode())
                .as("a request would have failed to connect: " + result)
                .isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(result.single().get("error").asText())
                .contains("file extension")
                .contains("https://example.com/watch?v=1");
    }

    @Test
    void aBatchOfThreeUrlsPrintsThreeLinesInOrder() throws Exception {
        List<String> urls = new ArrayList<>();
        List<String> md5s = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path clip = TestMedia.randomFile(files.resolve("c" + i + ".mov"), 100_000 + i, 20 + i);
            urls.add(source.url("/files/c" + i + ".mov"));
            md5s.add(TestMedia.md5(clip));
        }
        Files.writeString(
                tmp.resolve("urls.txt"), "# two pulled from a list\n" + urls.get(1) + "\n\n" + urls.get(2) + "\n");
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            CliResult result = CliRun.run(
                    fastPolling(vod.env(tmp), "100"), tmp, "upload", urls.get(0), "@urls.txt", TestEmulator.SPACE);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            List<JsonNode> lines = result.lines();
            assertThat(lines).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(lines.get(i).get("SourceUrl").asText()).isEqualTo(urls.get(i));
                assertThat(TestMedia.downloadMd5(lines.get(i).get("PlayURL").asText()))
                        .isEqualTo(md5s.get(i));
            }
        }
    }

    @Test
    void aTimedOutPullPrintsAResumeCommandThatCompletesTheSameJob() throws Exception {
        Path clip = TestMedia.randomFile(files.resolve("slow.mp4"), 400_000, 30);
        Path home = tmp.resolve("home");
        Map<String, String> env = Map.of("HOME", home.toString(), "VOD_POLL_INTERVAL", "0.2", "VOD_POLL_MAX", "1");

        CliResult first = CliRun.run(env, tmp, "upload", source.url("/gated/slow.mp4"), "--home", home.toString());

        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.TIMED_OUT);
        JsonNode timeout = first.single();
        assertThat(timeout.get("error").asText())
                .matches(
                        "Polling timed out after [0-9.]+ s \\(1 poll, 0\\.2 s apart\\); the URL pull upload is still processing");
        assertThat(timeout.get("State").asText()).isIn("initial", "processing");
        String jobId = timeout.get("JobIds").asText();
        JsonNode hint = timeout.get("resume_hint");
        assertThat(hint.get("description").asText()).contains("no re-submission");
        String command = hint.get("command").asText();
        assertThat(command).startsWith("vodkit poll-upload " + jobId + " local --home ");

        source.open();
        Map<String, String> patient = new HashMap<>(env);
        patient.put("VOD_POLL_MAX", "150");
        CliResult resumed = CliRun.run(
                patient,
                tmp,
                shellWords(command).subList(1, shellWords(command).size()).toArray(String[]::new));

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        JsonNode line = resumed.single();
        assertThat(line.get("JobId").asText()).isEqualTo(jobId);
        assertThat(line.get("SourceUrl").asText()).isEqualTo(source.url("/gated/slow.mp4"));
        assertThat(TestMedia.downloadMd5(line.get("PlayURL").asText())).isEqualTo(TestMedia.md5(clip));
    }

    @ParameterizedTest(name = "--allow-private-sources: {0}")
    @ValueSource(booleans = {false, true})
    void serveBeyondLoopbackPullsFromPrivateAddressesOnlyWhenAllowed(boolean allow) throws Exception {
        TestMedia.randomFile(files.resolve("lan.mp4"), 50_000, 12);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> args = new ArrayList<>(List.of(
                "serve",
                "--host",
                "0.0.0.0",
                "--port",
                Integer.toString(port),
                "--data",
                tmp.resolve("served").toString(),
                "--space",
                "demo",
                "--access-key",
                "AK",
                "--secret-key",
                "SK"));
        if (allow) {
            args.add("--allow-private-sources");
        }
        Map<String, String> env = Map.of(
                "HOME",
                tmp.resolve("home").toString(),
                "VOD_ENDPOINT",
                "http://127.0.0.1:" + port,
                "BYTEPLUS_ACCESSKEY",
                "AK",
                "BYTEPLUS_SECRETKEY",
                "SK",
                "VOD_SPACE_NAME",
                "demo",
                "VOD_POLL_INTERVAL",
                "0.2",
                "VOD_POLL_MAX",
                "100");
        CompletableFuture<Void> stop = new CompletableFuture<>();
        CompletableFuture<CliResult> serve =
                CompletableFuture.supplyAsync(() -> CliRun.run(env, tmp, stop, args.toArray(String[]::new)));
        try {
            awaitListening(port, serve);
            CliResult result = CliRun.run(env, tmp, "upload", source.url("/files/lan.mp4"));

            if (allow) {
                assertThat(result.exitCode()).as(result.toString()).isZero();
            } else {
                assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
                assertThat(result.single().get("error").asText())
                        .contains("loopback or private address")
                        .contains("vodkit serve --allow-private-sources");
            }
        } finally {
            stop.complete(null);
        }
        assertThat(serve.get(30, TimeUnit.SECONDS).exitCode()).isZero();
    }

    private static void awaitListening(int port, CompletableFuture<CliResult> serve) {
        await().alias("serve listens on " + port).atMost(Duration.ofSeconds(30)).until(() -> {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException notYet) {
                if (serve.isDone()) {
                    throw new AssertionError("serve ended: " + serve.get());
                }
                return false;
            }
        });
    }

    @Test
    void pollingAnUnknownJobIdReportsIt() throws Exception {
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            CliResult result = CliRun.run(vod.env(tmp), tmp, "poll-upload", "nosuchjob");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
            JsonNode line = result.single();
            assertThat(line.get("error").asText()).contains("not found").contains("nosuchjob");
            assertThat(line.get("JobId").asText()).isEqualTo("nosuchjob");
            assertThat(line.has("SourceUrl")).as("no URL is known for it").isFalse();
        }
    }

    /** Splits a POSIX command line made of plain words and single-quoted words. */
    private static List<String> shellWords(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quoted) {
                if (c == '\'') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '\'') {
                quoted = true;
                inWord = true;
            } else if (c == '\\' && i + 1 < command.length()) {
                word.append(command.charAt(++i));
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}

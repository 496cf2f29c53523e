package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.cli.support.BackgroundEmulators;
import io.vodkit.cli.support.Checkout;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.Shell;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestVideos;
import io.vodkit.emulator.media.ProbeResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code vodkit enhance} and {@code vodkit poll} against a real emulator restoring tiny generated clips. */
class EnhanceEndToEndTest {
    @TempDir
    Path tmp;

    @AfterEach
    void stopBackgroundEmulators() {
        BackgroundEmulators.stopIn(tmp.resolve("home"));
    }

    private Map<String, String> env(TestEmulator vod) {
        Map<String, String> env = vod.env(tmp);
        env.put("VOD_POLL_INTERVAL", "0.2");
        env.put("VOD_POLL_MAX", "300");
        return env;
    }

    /** What SKILL.md tells agents never to show a person: parameter names and values. */
    private static final List<String> INTERNAL_NAMES = List.of(
            "config", "repair_style", "common", "short_series", "--tier", "bit_depth", "old_film", "aigc", "ugc");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"video\":\"v0a\",\"repair_style\":1}                                   | | the kind of video is missing: general video, short video / user-generated content, short drama / short series, AI-generated content, or old film | config",
                "{\"video\":\"v0a\",\"config\":\"cinema\",\"repair_style\":1}              | | the kind of video is not one vodkit knows | config",
                "{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":7}              | | the restoration tier must be Standard or Pro | repair_style",
                "{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":1,\"res\":\"3k\"} | | the output resolution must be the same as the source or one of 240p | res",
                "{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":2,\"bit_depth\":24} | | the color depth must be 8-bit, 10-bit, 12-bit or 16-bit | bit_depth",
                "{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":1,\"bit_depth\":10} | | a color depth can be chosen only with the Pro tier | bit_depth",
                "{\"config\":\"common\",\"repair_style\":1}                                 | | which video to restore is missing | video",
                "vid://v0a                                                                | --config=common --tier=gold | the restoration tier must be Standard or Pro | --tier",
                "vid://v0a                                                                | --config=common --bit-depth=10 --tier=standard | a color depth can be chosen only with the Pro tier | bit_depth",
                "{\"video\":                                                                | | PARAMS is not valid JSON (line 1, column 10) | ",
                "{\"video\":\"v0a\"} {\"video\":\"v0b\"}                                   | | PARAMS is not valid JSON | ",
                "[1]                                                                      | | PARAMS must be one JSON object | ",
                "@missing.json                                                            | | PARAMS file not found: | ",
                "{\"type\":\"File\",\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":1} | | the video must be named by its Vid or by its file name in the space | type",
                "{\"type\":\"Vid\",\"video\":\"directurl://a.mp4\",\"config\":\"common\",\"repair_style\":1} | | the video is named as a file name (directurl://…) but said to be a Vid | type",
                "{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":1,\"tier\":2} | | the restoration settings hold a field vodkit does not know | tier",
                "{\"video\":\"v0a\",\"config\":\"film\",\"repair_style\":3}              | | the kind of video is not one vodkit knows: general video, short video / user-generated content, short drama / short series, AI-generated content, or old film or classic footage that needs repair; the restoration tier must be Standard or Pro | config repair_style",
            })
    void eachBadParameterIsRefusedBeforeAnyRequestInTheUsersWords(
            String params, String flags, String error, String parameters) throws Exception {
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            List<String> args = new ArrayList<>(List.of("enhance", params));
            if (flags != null) {
                args.addAll(Arrays.asList(flags.split(" ")));
            }

            CliResult result = CliRun.run(env(vod), tmp, args.toArray(String[]::new));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
            JsonNode line = result.single();
            String message = line.get("error").asText();
            assertThat(message).startsWith(error);
            if (parameters != null) {
                assertThat(INTERNAL_NAMES)
                        .allSatisfy(name -> assertThat(message).doesNotContain(name));
                assertThat(line.get("Code").asText()).isEqualTo("InvalidParameter");
                assertThat(line.get("Parameters")).extracting(JsonNode::asText).containsExactly(parameters.split(" "));
            }
            assertThat(vod.stats().get("requests").asLong()).isZero();
        }
    }

    @Test
    void aParamsFileIsOneJsonObjectInAnyLayoutReadByVodkitNotSplitIntoWords() throws Exception {
        Files.writeString(
                tmp.resolve("params.json"),
                "{\n  \"video\" : \"vid://v0missing\",\n\t\"config\": " + "\"common\",\r\n  \"repair_style\": 1\n}\n");
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            CliResult result = CliRun.run(env(vod), tmp, "enhance", "@params.json", "--res", "720p");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
            assertThat(result.single().get("error").asText())
                    .as("the service was asked")
                    .contains("v0missing");
        }
    }

    @Test
    void restoresANoisyUploadMeasurablyAndItsUrlRefusesTamperingAndExpiry() throws Exception {
        TestVideos videos = TestVideos.orSkip();
        Path clean = videos.clean(tmp.resolve("clean.mkv"), 2);
        Path noisy = videos.noisy(clean, tmp.resolve("noisy.mp4"));
        Path data = tmp.resolve("data");
        String url;
        int port;
        try (TestEmulator vod = TestEmulator.start(data)) {
            port = vod.port();
            String vid = upload(vod, noisy).get("Vid").asText();

            CliResult result = CliRun.run(
                    env(vod),
                    tmp,
                    "enhance",
                    "{\"video\":\"vid://" + vid + "\",\"config\":\"common\",\"repair_style\":1}");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            JsonNode line = result.single();
            assertThat(line.get("Status").asText()).isEqualTo("Success");
            assertThat(line.get("SpaceName").asText()).isEqualTo(TestEmulator.SPACE);
            assertThat(line.get("RunId").asText()).matches("hb:[0-9a-f]{32}");
            JsonNode video = line.get("VideoUrls").get(0);
            String fileName = video.get("DirectUrl").asText();
            assertThat(fileName)
                    .startsWith("enhance/")
                    .endsWith("_common_" + line.get("RunId").asText().substring(3) + ".mp4");
            assertThat(video.get("Source").asText()).isEqualTo("directurl://" + fileName);
            assertThat(video.get("FileId").asText()).isNotEmpty();
            assertThat(line.get("AudioUrls")).isEmpty();
            assertThat(line.get("Texts")).isEmpty();
            url = video.get("Url").asText();
            Path restored = tmp.resolve("restored.mp4");
            assertThat(TestVideos.download(url, restored)).isEqualTo(200);

            assertThat(videos.psnr(restored, clean)).isGreaterThan(videos.psnr(noisy, clean) + 1.5);
            assertThat(videos.probe(restored).hasAudio()).isTrue();
            String tampered = url.replace(fileName, fileName.replace("_common_", "_ugc_"));
            assertThat(TestVideos.download(tampered, tmp.resolve("x"))).isEqualTo(403);
            assertThat(TestVideos.download(url.substring(0, url.indexOf("?")), tmp.resolve("x")))
                    .isEqualTo(403);
        }
        Clock twoHoursLater = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
        try (TestEmulator later = TestEmulator.start(TestEmulator.config(data, port, List.of()), twoHoursLater)) {
            assertThat(TestVideos.download(url, tmp.resolve("x"))).isEqualTo(403);
        }
    }

    @Test
    void withCompareTheResultLineNestsTheComparisonOfSourceAndResultAndThePictureIsDrawn() throws Exception {
        TestVideos videos = TestVideos.orSkip();
        Path clean = videos.clean(tmp.resolve("clean.mkv"), 2);
        Path noisy = videos.noisy(clean, tmp.resolve("noisy.mp4"));
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            String fileName = upload(vod, noisy).get("FileName").asText();

            CliResult result = CliRun.run(
                    env(vod),
                    tmp,
                    "enhance",
                    "directurl://" + fileName,
                    "--config",
                    "common",
                    "--tier",
                    "standard",
                    "--compare",
                    "cmp/before-after.html");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            JsonNode line = result.single();
            assertThat(line.get("Status").asText()).isEqualTo("Success");
            JsonNode compare = line.get("Compare");
            assertThat(compare.get("before").get("source").asText()).isEqualTo("directurl://" + fileName);
            assertThat(compare.get("after").get("source").asText())
                    .isEqualTo(line.get("VideoUrls").get(0).get("Source").asText());
            assertThat(compare.get("comparable").asBoolean()).isTrue();
            assertThat(compare.get("after_vs_before").get("psnr").get("y").asDouble())
                    .isBetween(20.0, 60.0);
            assertThat(compare.get("changes").get("better").toString()).contains("noise");
            assertThat(Files.readString(tmp.resolve("cmp/before-after.html"))).contains("<input type=\"range\"");
            JsonNode restoration = compare.get("restoration");
            assertThat(restoration.get("done").get(0).asText())
                    .startsWith("σ̂=")
                    .contains("hqdn3d");
            assertThat(restoration.get("after").get("noise").asDouble())
                    .isLessThan(restoration.get("before").get("noise").asDouble());
            assertThat(restoration.get("size_ratio").asDouble()).isPositive().isLessThanOrEqualTo(1.5);

            CliResult jobs = CliRun.run(env(vod), tmp, "jobs");
            assertThat(jobs.exitCode()).as(jobs.toString()).isZero();
            assertThat(jobs.single().get("Restoration")).isEqualTo(restoration);
            CliResult again = CliRun.run(
                    env(vod),
                    tmp,
                    "compare",
                    "directurl://" + fileName,
                    compare.get("after").get("source").asText());
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(again.single().get("restoration")).isEqualTo(restoration);
        }
    }

    @Test
    void aBadComparePictureIsRefusedBeforeTheJobIsSubmitted() throws Exception {
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            CliResult result = CliRun.run(
                    env(vod),
                    tmp,
                    "enhance",
                    "vid://v0a",
                    "--config",
                    "common",
                    "--tier",
                    "standard",
                    "--compare",
                    "x.jpg");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(result.single().get("error").asText())
                    .isEqualTo("--out must name a .png or .html file; got 'x.jpg'");
            assertThat(vod.stats().get("requests").asLong()).isZero();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "360p, standard, '', h264, yuv420p, 360, .mp4",
        "original, pro, 10, hevc, yuv420p10le, 180, .mp4",
        "'', pro, 12, hevc, yuv420p12le, 180, .mp4",
        "240p, pro, 16, ffv1, yuv420p16le, 240, .mkv",
    })
    void resolutionAndBitDepthShapeTheOutput(
            String res, String tier, String bitDepth, String codec, String pixFmt, int height, String extension)
            throws Exception {
        TestVideos videos = TestVideos.orSkip();
        Path clip = videos.clean(tmp.resolve("clip.mkv"), 1);
        try (TestEmulator vod = TestEmulator.start(
                TestEmulator.config(tmp.resolve("data"), 0, List.of())
                        .newBuilder()
                        .allowPro(true)
                        .build(),
                Clock.systemUTC())) {
            String fileName = upload(vod, clip).get("FileName").asText();
            List<String> args = new ArrayList<>(
                    List.of("enhance", "directurl://" + fileName, "--config", "ugc", "--tier", tier, "--res", res));
            if (!bitDepth.isEmpty()) {
                args.addAll(List.of("--bit-depth", bitDepth));
            }

            CliResult result = CliRun.run(env(vod), tmp, args.toArray(String[]::new));

            assertThat(result.exitCode()).as(result.toString()).isZero();
            JsonNode video = result.single().get("VideoUrls").get(0);
            assertThat(video.get("DirectUrl").asText()).endsWith(extension);
            Path restored = tmp.resolve("restored" + extension);
            assertThat(TestVideos.download(video.get("Url").asText(), restored)).isEqualTo(200);
            ProbeResult probe = videos.probe(restored);
            assertThat(probe.video().codec()).isEqualTo(codec);
            assertThat(probe.video().pixFmt()).isEqualTo(pixFmt);
            assertThat(probe.video().height()).isEqualTo(height);
            assertThat(probe.hasAudio()).isTrue();
        }
    }

    @Test
    void proIsRefusedByDefaultWithTheWayToGetAllowlisted() throws Exception {
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            Path file = Files.write(tmp.resolve("a.mp4"), new byte[] {0, 0, 0, 24});
            String vid = upload(vod, file).get("Vid").asText();

            CliResult result =
                    CliRun.run(env(vod), tmp, "enhance", "vid://" + vid, "--config", "common", "--tier", "pro");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
            JsonNode line = result.single();
            assertThat(line.get("error").asText())
                    .contains("Pro restoration tier is not enabled")
                    .contains("allowlisted")
                    .contains("https://console.byteplus.com/workorder/create")
                    .contains("HTTP 403")
                    .doesNotContainIgnoringCase("RepairStyle")
                    .doesNotContain("repair_style");
            assertThat(line.get("Code").asText()).isEqualTo("RequestForbidden");
        }
    }

    @Test
    void theExecutionVersionComesFromVodEnhanceVersion() throws Exception {
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            Map<String, String> env = env(vod);
            env.put("VOD_ENHANCE_VERSION", "2099-01-01");

            CliResult submit = CliRun.run(env, tmp, "enhance", "vid://v0a", "--config", "common", "--tier", "standard");
            CliResult poll = CliRun.run(env, tmp, "poll", "hb:0123");

            assertThat(submit.single().get("error").asText())
                    .contains("Could not find operation StartExecution for version 2099-01-01");
            assertThat(poll.single().get("error").asText())
                    .contains("Could not find operation GetExecution for version 2099-01-01");
        }
    }

    @Test
    void aFailedJobIsOneErrorLineWithTheTaskCode() throws Exception {
        TestVideos.orSkip();
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            Path file = Files.write(tmp.resolve("not-a-video.mp4"), new byte[] {0, 0, 0, 24, 1, 2, 3});
            String vid = upload(vod, file).get("Vid").asText();

            CliResult result =
                    CliRun.run(env(vod), tmp, "enhance", "vid://" + vid, "--config", "common", "--tier", "standard");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
            JsonNode line = result.single();
            assertThat(line.get("error").asText())
                    .as("the code is a field, not the text")
                    .startsWith("The restoration job failed: ")
                    .doesNotContain("InvalidParameter");
            assertThat(line.get("Status").asText()).isEqualTo("Failed");
            assertThat(line.get("Code").asText()).isEqualTo("InvalidParameter.InvalidMediaStream");
            assertThat(line.get("RunId").asText()).startsWith("hb:");
            assertThat(result.stderr()).contains("Failed").doesNotContain("\tat ");
        }
    }

    @Test
    void aTimedOutLocalRunIsResumedByTheHintCommand() throws Exception {
        TestVideos videos = TestVideos.orSkip();
        Path clip = videos.clean(tmp.resolve("clip.mkv"), 1);
        Path home = tmp.resolve("home");
        Map<String, String> env = Map.of("HOME", tmp.toString(), "VOD_POLL_INTERVAL", "0.2", "VOD_POLL_MAX", "1");
        CliResult upload = CliRun.run(env, tmp, "upload", clip.toString(), "--home", home.toString());
        assertThat(upload.exitCode()).as(upload.toString()).isZero();
        String vid = upload.single().get("Vid").asText();

        CliResult timedOut = CliRun.run(
                env,
                tmp,
                "enhance",
                "vid://" + vid,
                "--config",
                "common",
                "--tier",
                "standard",
                "--home",
                home.toString());

        assertThat(timedOut.exitCode()).as(timedOut.toString()).isEqualTo(ExitCodes.TIMED_OUT);
        JsonNode line = timedOut.single();
        assertThat(line.get("error").asText())
                .matches("Polling timed out after [0-9.]+ s \\(1 poll, 0\\.2 s apart\\); "
                        + "the job is still processing");
        String runId = line.get("RunId").asText();
        String command = line.get("resume_hint").get("command").asText();
        assertThat(command).isEqualTo("vodkit poll " + runId + " local --home " + home);
        assertThat(line.get("resume_hint").get("description").asText()).contains("resume polling");

        // as printed, by bash, with vodkit on PATH (a symlink to a checkout's launcher, as the README puts it)
        Path bin = Checkout.ofVodkit(Files.createDirectories(tmp.resolve("checkout")))
                .linkInto(tmp.resolve("bin"));
        Map<String, String> shellEnv = Shell.userEnv(tmp, bin);
        shellEnv.put("VOD_POLL_INTERVAL", "0.2");
        CliResult resumed = Shell.run(tmp, shellEnv, command);

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.single().get("RunId").asText()).isEqualTo(runId);
        String url = resumed.single().get("VideoUrls").get(0).get("Url").asText();
        assertThat(TestVideos.download(url, tmp.resolve("out.mp4")))
                .as("served after the command exited")
                .isEqualTo(200);
    }

    private JsonNode upload(TestEmulator vod, Path file) {
        CliResult result = CliRun.run(env(vod), tmp, "upload", file.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result.single();
    }
}

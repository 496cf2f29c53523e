package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestVideos;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vodkit compare} on clips generated at test time, with no account (local files) and through vid://. */
class CompareEndToEndTest {
    @TempDir
    Path tmp;

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("VODKIT_HOME", tmp.resolve("home").toString());
        env.put("HOME", tmp.resolve("home").toString());
        return env;
    }

    private CliResult compare(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "compare";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(env(), tmp, all);
    }

    @Test
    void aSameContentPairIsScoredPerPlaneAndDrawnAsAPngOfTheDocumentedSize() throws Exception {
        TestVideos videos = TestVideos.orSkip();
        Path clean = videos.clean(tmp.resolve("clean.mkv"), 2);
        videos.noisy(clean, tmp.resolve("noisy.mp4"));

        CliResult result = compare("clean.mkv", "noisy.mp4", "--out", "cmp.png", "--frames", "3");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode line = result.single();
        assertThat(line.get("comparable").asBoolean()).isTrue();
        assertThat(line.has("scaled")).isFalse();
        JsonNode psnr = line.get("after_vs_before").get("psnr");
        assertThat(psnr.get("y").asDouble()).isBetween(20.0, 40.0);
        assertThat(psnr.get("unit").asText()).isEqualTo("dB");
        assertThat(psnr.get("better").asText()).isEqualTo("higher");
        for (String plane : new String[] {"y", "u", "v", "all"}) {
            assertThat(line.get("after_vs_before").get("ssim").get(plane).asDouble())
                    .as(plane)
                    .isBetween(0.1, 0.99);
        }
        JsonNode before = line.get("before");
        assertThat(before.get("width").asInt()).isEqualTo(320);
        assertThat(before.get("height").asInt()).isEqualTo(180);
        assertThat(before.get("fps").asDouble()).isEqualTo(25.0);
        assertThat(before.get("duration_s").asDouble()).isCloseTo(2.0, within(0.1));
        assertThat(before.get("bitrate_kbps").asDouble()).isPositive();
        assertThat(before.get("size_bytes").asLong()).isEqualTo(Files.size(clean));
        for (String measure : new String[] {"blockiness", "noise", "blur", "banding", "flicker"}) {
            JsonNode m = before.get("measures").get(measure);
            assertThat(m.get("value").isNumber()).as(measure).isTrue();
            assertThat(m.get("unit").asText()).as(measure).isNotEmpty();
            assertThat(m.get("better").asText()).as(measure).isIn("lower", "higher");
        }
        assertThat(line.get("after").get("measures").get("noise").get("value").asDouble())
                .isGreaterThan(before.get("measures").get("noise").get("value").asDouble() + 2);
        assertThat(line.get("changes").get("worse").toString()).contains("noise");

        BufferedImage png = ImageIO.read(tmp.resolve("cmp.png").toFile());
        assertThat(png).as("a readable PNG").isNotNull();
        // 2 panels of 320 + 3 gaps of 8; header 6 lines of 16 + 8, then per moment 2 panels of 180 + 2 gaps + 52
        assertThat(png.getWidth()).isEqualTo(664);
        assertThat(png.getHeight()).isEqualTo(104 + 3 * (2 * 180 + 16 + 52));
        JsonNode picture = line.get("picture");
        assertThat(picture.get("file").asText())
                .isEqualTo(tmp.resolve("cmp.png").toString());
        assertThat(picture.get("width").asInt()).isEqualTo(664);
        assertThat(picture.get("moments")).hasSize(3);
        assertThat(picture.get("moments").get(1).asDouble()).isCloseTo(1.0, within(0.05));
    }

    @Test
    void aPairThatIsNotTheSameContentSaysSoWithAReason() throws Exception {
        TestVideos videos = TestVideos.orSkip();
        videos.clean(tmp.resolve("clean.mkv"), 2);
        videos.otherContent(tmp.resolve("other.mp4"), 2);

        CliResult result = compare("clean.mkv", "other.mp4");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode line = result.single();
        assertThat(line.get("comparable").asBoolean()).isFalse();
        assertThat(line.get("reason").asText())
                .startsWith("not the same content")
                .contains("Y-PSNR");
        assertThat(line.has("after_vs_before")).isFalse();
        assertThat(line.get("after").get("measures").get("blur").get("value").isNumber())
                .isTrue();
    }

    @Test
    void aDifferentSizeIsScaledToBeforesSizeAndADifferentFramingIsNotComparable() throws Exception {
        TestVideos videos = TestVideos.orSkip();
        Path clean = videos.clean(tmp.resolve("clean.mkv"), 2);
        videos.scaled(clean, tmp.resolve("big.mp4"), 360);
        Files.write(tmp.resolve("x"), new byte[0]);

        CliResult scaled = compare("clean.mkv", "big.mp4", "--out", "cmp.png", "--frames", "1");

        assertThat(scaled.exitCode()).as(scaled.toString()).isZero();
        JsonNode line = scaled.single();
        assertThat(line.get("comparable").asBoolean()).isTrue();
        assertThat(line.get("scaled").asText()).isEqualTo("AFTER 640x360 scaled to BEFORE's 320x180");
        assertThat(line.get("after").get("width").asInt()).isEqualTo(640);
        assertThat(line.get("after_vs_before").get("psnr").get("y").asDouble()).isGreaterThan(30);
        BufferedImage png = ImageIO.read(tmp.resolve("cmp.png").toFile());
        assertThat(png.getWidth()).isEqualTo(664);
        assertThat(png.getHeight()).isEqualTo(104 + 2 * 180 + 16 + 52);

        Path square = tmp.resolve("square.mp4");
        new ProcessBuilder(
                        "ffmpeg",
                        "-nostdin",
                        "-v",
                        "error",
                        "-y",
                        "-i",
                        clean.toString(),
                        "-vf",
                        "crop=180:180",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        square.toString())
                .inheritIO()
                .start()
                .waitFor();
        CliResult cropped = compare("clean.mkv", "square.mp4");
        assertThat(cropped.exitCode()).as(cropped.toString()).isZero();
        assertThat(cropped.single().get("comparable").asBoolean()).isFalse();
        assertThat(cropped.single().get("reason").asText()).startsWith("aspect ratios differ (AFTER 180x180");
    }

    @Test
    void withAReferenceBothSidesAreScoredAndTheCloserOneNamed() throws Exception {
        TestVideos videos = TestVideos.orSkip();
        Path clean = videos.clean(tmp.resolve("clean.mkv"), 2);
        videos.noisy(clean, tmp.resolve("noisy.mp4"));
        videos.compressed(clean, tmp.resolve("fine.mp4"), 18);

        CliResult result = compare("noisy.mp4", "fine.mp4", "--reference", "clean.mkv");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode reference = result.single().get("reference");
        assertThat(reference.get("source").asText()).isEqualTo("clean.mkv");
        assertThat(reference.get("after").get("psnr").get("y").asDouble())
                .isGreaterThan(reference.get("before").get("psnr").get("y").asDouble() + 3);
        assertThat(reference.get("closer").asText()).isEqualTo("after");
    }

    @Test
    void theHtmlPageIsOneSelfContainedFileWithADraggableSlider() throws Exception {
        TestVideos videos = TestVideos.orSkip();
        Path clean = videos.clean(tmp.resolve("clean.mkv"), 2);
        videos.noisy(clean, tmp.resolve("noisy.mp4"));

        CliResult result = compare("clean.mkv", "noisy.mp4", "--out", "out/cmp.html", "--frames", "2");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.single().get("picture").get("format").asText()).isEqualTo("html");
        String html = Files.readString(tmp.resolve("out/cmp.html"), StandardCharsets.UTF_8);
        assertThat(html)
                .startsWith("<!doctype html>")
                .contains("<input type=\"range\"")
                .contains("pointermove")
                .contains("clip-path")
                .contains("Y-PSNR vs BEFORE");
        assertThat(html.split("src=\"data:image/png;base64,", -1)).hasSize(1 + 2 * 2 * 2);
        assertThat(html).doesNotContain("src=\"http").doesNotContain("href=\"http");
    }

    @Test
    void anAudioOnlyFileAndABrokenFileAreClearErrors() throws Exception {
        TestVideos videos = TestVideos.orSkip();
        videos.clean(tmp.resolve("clean.mkv"), 1);
        assertThat(CliRun.run(env(), tmp, "sample", "tone.wav", "--seconds", "1")
                        .exitCode())
                .isZero();
        byte[] junk = new byte[64 * 1024];
        new Random(7).nextBytes(junk);
        Files.write(tmp.resolve("broken.mp4"), junk);

        CliResult audio = compare("clean.mkv", "tone.wav");
        assertThat(audio.exitCode()).as(audio.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(audio.single().get("error").asText())
                .isEqualTo("AFTER (tone.wav) has no video stream (audio only: pcm_s16le); compare measures pictures");

        CliResult broken = compare("broken.mp4", "clean.mkv");
        assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(broken.single().get("error").asText())
                .startsWith("BEFORE (broken.mp4) is not a readable media file");
    }

    @Test
    void badArgumentsAreRefusedBeforeAnyWork() throws Exception {
        Files.write(tmp.resolve("a.mp4"), new byte[] {1});
        assertThat(compare("missing.mp4", "a.mp4").single().get("error").asText())
                .isEqualTo("BEFORE: no such file: missing.mp4");
        CliResult gif = compare("a.mp4", "a.mp4", "--out", "x.gif");
        assertThat(gif.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(gif.single().get("error").asText()).isEqualTo("--out must name a .png or .html file; got 'x.gif'");
        CliResult frames = compare("a.mp4", "a.mp4", "--frames", "0");
        assertThat(frames.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(frames.single().get("error").asText()).isEqualTo("--frames must be 1 to 12; got 0");
        Map<String, String> noFfmpeg = env();
        noFfmpeg.put("VODKIT_FFMPEG", "/nonexistent/ffmpeg");
        CliResult missing = CliRun.run(noFfmpeg, tmp, "compare", "a.mp4", "a.mp4");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(missing.single().get("error").asText()).startsWith("compare needs ffmpeg and ffprobe");
        assertThat(Files.exists(tmp.resolve("home/cache"))).isFalse();
    }

    @Test
    void aVidIsSignedThroughThePlayUrlPathAndDownloadedOnceToTheCache() throws Exception {
        TestVideos videos = TestVideos.orSkip();
        Path clean = videos.clean(tmp.resolve("clean.mkv"), 1);
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            Map<String, String> env = vod.env(tmp.resolve("home"));
            CliResult upload = CliRun.run(env, tmp, "upload", clean.toString());
            assertThat(upload.exitCode()).as(upload.toString()).isZero();
            String vid = upload.single().get("Vid").asText();

            CliResult first = CliRun.run(env, tmp, "compare", "clean.mkv", "vid://" + vid);
            CliResult second = CliRun.run(env, tmp, "compare", "clean.mkv", "vid://" + vid);

            assertThat(first.exitCode()).as(first.toString()).isZero();
            JsonNode line = first.single();
            assertThat(line.get("after").get("source").asText()).isEqualTo("vid://" + vid);
            assertThat(line.get("after").get("file").asText())
                    .startsWith(tmp.resolve("home/cache/media").toString());
            assertThat(line.get("after_vs_before").get("psnr").get("y").asDouble())
                    .isEqualTo(100.0);
            assertThat(second.single().get("after").get("file").asText())
                    .isEqualTo(line.get("after").get("file").asText());
            try (var cached = Files.list(tmp.resolve("home/cache/media"))) {
                assertThat(cached).hasSize(1);
            }
        }
    }
}

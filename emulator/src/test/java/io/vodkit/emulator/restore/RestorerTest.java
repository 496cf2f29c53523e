package io.vodkit.emulator.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vodkit.emulator.media.FfmpegCommand;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.MediaProbe;
import io.vodkit.emulator.media.ProbeResult;
import io.vodkit.emulator.media.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** End-to-end restoration of tiny generated clips; skipped when ffmpeg is absent. */
class RestorerTest {

    @TempDir
    Path dir;

    private FfmpegTools tools;
    private DegradedClips clips;
    private Restorer restorer;
    private Path clean;

    @BeforeEach
    void setUp() throws MediaException {
        tools = TestMedia.toolsOrSkip();
        clips = new DegradedClips(tools, TestMedia.RUNNER);
        restorer = new Restorer(tools, TestMedia.RUNNER);
        clean = clips.clean(dir.resolve("clean.mkv"), 320, 180, 2);
    }

    @Test
    void denoisingANoisyClipRaisesPsnrAgainstTheCleanClip() throws MediaException {
        Path noisy = clips.noisy(clean, dir.resolve("noisy.mp4"), 20, 14);
        Path out = dir.resolve("restored.mp4");

        RestoreReport report = restorer.restore(noisy, out, RestoreSpec.standard("common"));

        assertThat(clips.psnr(out, clean)).isGreaterThan(clips.psnr(noisy, clean) + 1.5);
        assertThat(report.before().noiseSigma()).isGreaterThan(2.5);
        assertThat(report.after().noiseSigma()).isLessThan(report.before().noiseSigma() / 2);
        assertThat(report.steps()).extracting(PlannedStep::name).containsExactly("denoise");
        assertThat(report.filterChain()).startsWith("hqdn3d=");
        assertThat(report.steps().get(0).reason()).startsWith("σ̂=").contains("> 2.5 → hqdn3d=");
        assertThat(report.encode().videoCodec()).isEqualTo("libx264");
        assertThat(report.frames()).isEqualTo(50);
        assertThat(report.elapsedSeconds()).isPositive();
        assertThat(report.framesPerSecond()).isPositive();
    }

    @Test
    void compressedH264IsLeftAsItIsAndTheReportSaysWhy() throws MediaException {
        Path blocky = clips.compressed(clean, dir.resolve("crf45.mp4"), 45);
        Path out = dir.resolve("restored.mp4");

        RestoreReport report = restorer.restore(blocky, out, RestoreSpec.standard("common"));

        assertThat(report.before().blockiness()).isGreaterThan(RestorationPlan.BLOCKINESS_THRESHOLD);
        assertThat(report.steps()).isEmpty();
        assertThat(report.leftAsIs()).startsWith("nothing found that restoration improves without loss (see notes)");
        assertThat(report.notes()).singleElement().asString().contains("h264 compression artefacts");
        assertThat(report.encode().copiesVideo()).isTrue();
        assertThat(clips.psnr(out, clean)).isEqualTo(clips.psnr(blocky, clean));
        assertThat(report.sizeRatio()).isBetween(0.95, 1.05);
        assertThat(probe(out).audio()).isNotNull();
    }

    @Test
    void aNoisyRestorationStaysWithinTheSizeRuleAndRecordsIt() throws MediaException {
        Path noisy = clips.noisy(clean, dir.resolve("noisy.mp4"), 20, 14);
        Path out = dir.resolve("restored.mp4");

        RestoreReport report = restorer.restore(noisy, out, RestoreSpec.standard("common"));

        assertThat(report.leftAsIs()).isNull();
        assertThat(report.rate()).contains("at most").contains("1.5 × input");
        assertThat(report.encode().maxKbps()).isPositive();
        assertThat(report.sizeRatio()).isPositive().isLessThanOrEqualTo(OutputRate.MAX_SIZE_RATIO);
    }

    @Test
    void oldFilmRepairRemovesScratchesAndDust() throws MediaException {
        Path film = clips.oldFilm(clean, dir.resolve("film.mp4"), 7);
        Path out = dir.resolve("restored.mp4");

        RestoreReport report = restorer.restore(film, out, RestoreSpec.standard("old_film"));

        FilmDamage before = report.before().damage();
        FilmDamage after = report.after().damage();
        assertThat(before.scratchColumnsPerFrame()).isGreaterThanOrEqualTo(2);
        assertThat(before.damagedPixelPercent()).isGreaterThan(RestorationPlan.DAMAGE_THRESHOLD_PERCENT);
        assertThat(after.scratchColumnsPerFrame()).isZero();
        assertThat(after.damagedPixelPercent()).isLessThan(before.damagedPixelPercent() / 4);
        assertThat(report.after().flickerPercent()).isLessThan(report.before().flickerPercent());
        assertThat(report.steps()).extracting(PlannedStep::name).startsWith("film-repair", "deflicker");
        assertThat(report.steps().get(0).engine()).isEqualTo(PlannedStep.Engine.JAVA);
        assertThat(clips.psnr(out, clean)).isGreaterThan(clips.psnr(film, clean) + 3);
        assertThat(probe(out).audio()).isNotNull();
    }

    @Test
    void cleanInputIsLeftAlone() throws MediaException {
        Path out = dir.resolve("restored.mp4");

        RestoreReport report = restorer.restore(clean, out, RestoreSpec.standard("common"));

        assertThat(report.steps()).isEmpty();
        assertThat(report.filterChain()).isEqualTo("null");
        assertThat(report.leftAsIs())
                .isEqualTo("nothing found that restoration improves without loss: the video "
                        + "stream is copied unchanged");
        assertThat(clips.psnr(out, clean)).isEqualTo(clips.psnr(clean, clean));
    }

    @Test
    void upscalesToTheTargetHeight() throws MediaException {
        Path out = dir.resolve("restored.mp4");

        RestoreReport report = restorer.restore(clean, out, new RestoreSpec("common", 1, 360, null, 8));

        ProbeResult result = probe(out);
        assertThat(result.video().width()).isEqualTo(640);
        assertThat(result.video().height()).isEqualTo(360);
        assertThat(report.after().height()).isEqualTo(360);
        assertThat(report.steps())
                .extracting(PlannedStep::filter)
                .containsExactly("scale=-2:360:flags=lanczos", "unsharp=5:5:0.6");
    }

    @Test
    void convertsTheFrameRate() throws MediaException {
        Path out = dir.resolve("restored.mp4");

        restorer.restore(clean, out, new RestoreSpec("common", 1, null, 50, 8));

        assertThat(probe(out).video().fps()).isEqualTo(50.0);
    }

    @ParameterizedTest(name = "{0}-bit → {1} {2} in {3}")
    @CsvSource({
        "8, h264, yuv420p, mp4",
        "10, hevc, yuv420p10le, mp4",
        "12, hevc, yuv420p12le, mp4",
        "16, ffv1, yuv420p16le, matroska"
    })
    void encodesTheRequestedBitDepthAndKeepsTheAudio(int bitDepth, String codec, String pixFmt, String format)
            throws MediaException {
        RestoreSpec spec = new RestoreSpec("common", RestoreSpec.PRO, null, null, bitDepth);
        Path out = dir.resolve("restored" + RestorationEngine.outputExtension(spec));

        RestoreReport report = restorer.restore(clean, out, spec);

        ProbeResult result = probe(out);
        assertThat(result.formatName()).contains(format);
        assertThat(result.video().codec()).isEqualTo(codec);
        assertThat(result.video().pixFmt()).isEqualTo(pixFmt);
        assertThat(result.video().bitDepth()).isEqualTo(bitDepth);
        assertThat(result.audio().codec()).isEqualTo("aac");
        assertThat(result.durationSeconds()).isCloseTo(2.0, within(0.1));
        // a clean 8-bit source is left as it is; other depths must be encoded
        assertThat(report.encode().copiesVideo()).isEqualTo(bitDepth == 8);
        assertThat(report.encode().pixFmt()).isEqualTo(bitDepth == 8 ? null : pixFmt);
        assertThat(report.after().bitDepth()).isEqualTo(bitDepth);
    }

    @Test
    void refuses16BitForSourcesOver40Seconds() throws MediaException {
        Path longClip = dir.resolve("long.mp4");
        TestMedia.RUNNER.run(FfmpegCommand.of(tools)
                .input(FfmpegCommand.Input.lavfi("testsrc2=size=64x36:rate=5"))
                .output(FfmpegCommand.Output.file(longClip)
                        .duration(41)
                        .videoCodec("libx264")
                        .option("-preset", "ultrafast"))
                .build());
        Path out = dir.resolve("restored.mkv");

        assertThatThrownBy(() -> restorer.restore(longClip, out, new RestoreSpec("common", 2, null, null, 16)))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("16-bit output is limited to sources of at most 40 s");
        assertThat(out).doesNotExist();
    }

    @Test
    void failureLeavesNoOutput() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.mp4"), "not a video");
        Path out = dir.resolve("restored.mp4");

        assertThatThrownBy(() -> restorer.restore(garbage, out, RestoreSpec.standard("common")))
                .isInstanceOf(MediaException.class);
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("restored.mp4.part")).doesNotExist();
    }

    private ProbeResult probe(Path file) throws MediaException {
        return new MediaProbe(tools, TestMedia.RUNNER).probe(file);
    }
}

package io.vodkit.emulator.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RestorationPlanTest {

    private static final FilmDamage DAMAGED = new FilmDamage(3, 125, 1.15);
    private static final FilmDamage TIMER_DIGITS = new FilmDamage(0, 54, 0.09);
    private static final FilmDamage ONE_SCRATCH = new FilmDamage(1, 0, 0.1);

    /** A 320×180 25 fps H.264 clip with the given measurements. */
    static Analysis measured(
            String codec,
            double sigma,
            double blockiness,
            double blur,
            double flicker,
            double banding,
            FilmDamage damage) {
        return new Analysis(codec, 320, 180, 25, 2, 8, sigma, blockiness, blur, flicker, banding, damage, 50);
    }

    static Analysis clean() {
        return h264(1.2, 10, 4.5, 0.3, 0);
    }

    /** An H.264 clip without film damage. */
    static Analysis h264(double sigma, double blockiness, double blur, double flicker, double banding) {
        return measured("h264", sigma, blockiness, blur, flicker, banding, FilmDamage.NONE);
    }

    /** A table row: the ffmpeg chain planned for {@code analysis}, with no Java film repair. */
    static Arguments plan(String config, int style, Analysis analysis, String chain) {
        return Arguments.of(config, style, analysis, false, chain);
    }

    /** A table row: the Java film repair, then the ffmpeg chain. */
    static Arguments repair(String config, int style, Analysis analysis, String chain) {
        return Arguments.of(config, style, analysis, true, chain);
    }

    static Stream<Arguments> table() {
        Analysis oldReel = measured("h264", 6.5, 3, 4.7, 3.4, 0, DAMAGED);
        return Stream.of(
                plan("common", 1, clean(), "null"),
                plan("common", 1, h264(8.8, 2, 4, 0.3, 0), "hqdn3d=26.4:26.4:17.6:17.6"),
                plan("common", 2, h264(8.8, 2, 4, 0.3, 0), "nlmeans=s=6.2:p=5:r=9"),
                plan("common", 1, h264(2.5, 10, 4.5, 0.3, 0), "null"),
                plan("common", 1, h264(20, 2, 4, 0.3, 0), "hqdn3d=60.0:60.0:40.0:40.0"),
                // blocky H.264/HEVC: left as it is (in-loop deblocking), not sharpened (compression softness)
                plan("common", 1, h264(0.6, 50, 6.8, 0.3, 0), "null"),
                plan("common", 1, measured("hevc", 0.6, 50, 5.0, 0.3, 0, FilmDamage.NONE), "null"),
                plan("common", 1, measured("mpeg2video", 0.6, 50, 6.8, 0.3, 0, FilmDamage.NONE), "spp=quality=3:qp=8"),
                plan("common", 1, measured("mpeg4", 0.6, 50, 5.0, 0.3, 0, FilmDamage.NONE), "spp=quality=3:qp=8"),
                plan("common", 2, h264(0.6, 50, 6.8, 0.3, 0), "null"),
                plan("common", 1, h264(0.6, 10, 6.8, 0.3, 0), "cas=0.3"),
                plan("common", 1, measured("h264", 1.2, 10, 4.5, 5, 2, DAMAGED), "null"),
                plan("ugc", 1, h264(2.2, 10, 4.5, 1.5, 0), "deflicker=size=5:mode=am,hqdn3d=6.6:6.6:4.4:4.4"),
                plan("ugc", 1, h264(0.8, 30, 6, 0.5, 0), "null"),
                plan("short_series", 1, h264(2.8, 10, 4.5, 0.3, 0), "null"),
                plan("short_series", 1, h264(4, 10, 4.5, 0.3, 0), "hqdn3d=9.0:9.0:6.0:6.0"),
                plan("short_series", 2, h264(4, 10, 4.5, 0.3, 0), "nlmeans=s=2.1:p=5:r=9"),
                plan("short_series", 1, h264(0.6, 50, 6.8, 0.3, 0), "null"),
                plan("aigc", 1, h264(9, 50, 6, 2, 1.0), "deflicker=size=5:mode=am"),
                plan("aigc", 1, h264(9, 10, 6, 2, 1.0), "deflicker=size=5:mode=am,deband,cas=0.4"),
                plan("aigc", 1, h264(1.2, 10, 4.5, 0.3, 0.2), "null"),
                repair("old_film", 1, oldReel, "deflicker=size=5:mode=am,hqdn3d=19.5:19.5:13.0:13.0"),
                repair("old_film", 2, oldReel, "deflicker=size=5:mode=am,nlmeans=s=4.6:p=5:r=9"),
                repair("old_film", 1, measured("h264", 1.2, 10, 6, 0.3, 0, ONE_SCRATCH), "cas=0.3"),
                plan("old_film", 1, measured("h264", 1.2, 10, 4.5, 0.3, 0, TIMER_DIGITS), "null"));
    }

    @ParameterizedTest(name = "{0} style {1}: {4}")
    @MethodSource("table")
    void plansOnlyWhatTheAnalysisCallsFor(
            String config, int style, Analysis analysis, boolean filmRepair, String chain) {
        List<PlannedStep> steps = RestorationPlan.plan(analysis, new RestoreSpec(config, style, null, null, 8));

        assertThat(RestorationPlan.filterChain(steps)).isEqualTo(chain);
        assertThat(RestorationPlan.needsFramePipeline(steps)).isEqualTo(filmRepair);
        if (filmRepair) {
            assertThat(steps.get(0).name()).isEqualTo("film-repair");
        }
        assertThat(steps).allSatisfy(step -> assertThat(step.reason()).contains("→"));
    }

    @Test
    void reasonsQuoteTheMeasurementAndTheRule() {
        List<PlannedStep> steps = RestorationPlan.plan(
                measured("mpeg2video", 8.8, 50, 6.8, 0.3, 0, FilmDamage.NONE), RestoreSpec.standard("common"));

        assertThat(steps)
                .extracting(PlannedStep::reason)
                .containsExactly(
                        "σ̂=8.8 > 2.5 → hqdn3d=26.4:26.4:17.6:17.6",
                        "blockdetect=50.0 > 15.0 → spp=quality=3:qp=8 for mpeg2video");
        assertThat(steps).extracting(PlannedStep::name).containsExactly("denoise", "deblock");
    }

    @Test
    void compressionArtefactsLeftAloneAreExplainedInTheNotes() {
        Analysis blocky = measured("h264", 0.6, 50, 6.8, 0.3, 1.0, FilmDamage.NONE);

        assertThat(RestorationPlan.notes(blocky))
                .singleElement()
                .asString()
                .startsWith(
                        "blockdetect=50.0 > 15.0: h264 compression artefacts; its decoder already deblocks in the loop")
                .contains("softness (blur=6.80) is compression loss")
                .contains("contours (banding=1.00%)");
        assertThat(RestorationPlan.notes(clean())).isEmpty();
    }

    @ParameterizedTest(name = "{0}x{1} → height {2}, style {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "320 | 180 | 360  | 1 | -  | scale=-2:360:flags=lanczos,unsharp=5:5:0.6",
                "320 | 180 | 1440 | 1 | -  | scale=-2:1440:flags=lanczos,unsharp=5:5:0.6",
                "1280| 720 | 360  | 1 | -  | scale=-2:360:flags=lanczos",
                "320 | 180 | 180  | 1 | -  | null",
                "320 | 180 | 361  | 1 | -  | scale=-2:360:flags=lanczos,unsharp=5:5:0.6",
                "321 | 181 | -    | 1 | -  | crop=trunc(iw/2)*2:trunc(ih/2)*2",
                "320 | 180 | -    | 1 | 50 | fps=50",
                "320 | 180 | -    | 1 | 25 | null",
                "320 | 180 | 360  | 2 | 50 | minterpolate=fps=50:mi_mode=mci:mc_mode=aobmc:me_mode=bidir:vsbmc=1,"
                        + "scale=-2:360:flags=lanczos,unsharp=5:5:0.6"
            })
    void sizeAndFrameRate(int width, int height, Integer targetHeight, int style, Integer fps, String chain) {
        Analysis analysis = new Analysis("h264", width, height, 25, 2, 8, 1.2, 10, 4.5, 0.3, 0, FilmDamage.NONE, 50);

        List<PlannedStep> steps =
                RestorationPlan.plan(analysis, new RestoreSpec("common", style, targetHeight, fps, 8));

        assertThat(RestorationPlan.filterChain(steps)).isEqualTo(chain);
    }
}

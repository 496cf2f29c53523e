package io.vodkit.bench;

import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.restore.DegradedClips;
import io.vodkit.emulator.restore.RestoreSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Generates the degraded clips and lists which templates and tiers restore each. */
final class BenchCases {

    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    static final int UPSCALED_HEIGHT = 720;
    /** Length of the long speed row's clip: a job's analyses are a fixed cost, which a 2 s clip exaggerates. */
    static final double LONG_SECONDS = 10;

    private static final int[] BOTH_TIERS = {RestoreSpec.STANDARD, RestoreSpec.PRO};

    private BenchCases() {}

    /** Makes one degraded clip. */
    @FunctionalInterface
    private interface Maker {
        Path make() throws MediaException;
    }

    /**
     * Generates the clips of the cases whose degradation contains {@code only} (all when it is empty) and lists the
     * cases.
     */
    static List<BenchCase> generate(DegradedClips clips, Path dir, double seconds, String only) throws MediaException {
        Path clean = clips.clean(dir.resolve("clean.mkv"), WIDTH, HEIGHT, seconds);
        Path clean720 = clips.clean(dir.resolve("clean720.mkv"), WIDTH * 2, UPSCALED_HEIGHT, seconds);
        List<String> denoising = List.of("common", "ugc", "short_series");
        List<String> deblocking = List.of("common", "ugc", "short_series", "aigc");
        List<BenchCase> cases = new ArrayList<>();
        Adder add = (degradation, maker, reference, configs, targetHeight) -> {
            if (degradation.contains(only)) {
                add(cases, degradation, maker.make(), reference.make(), configs, targetHeight, BOTH_TIERS);
            }
        };
        add.add(
                "noise σ≈3.5, CRF 14",
                () -> clips.noisy(clean, dir.resolve("noise6.mp4"), 6, 14),
                () -> clean,
                denoising,
                null);
        add.add(
                "noise σ≈8.7, CRF 14",
                () -> clips.noisy(clean, dir.resolve("noise15.mp4"), 15, 14),
                () -> clean,
                denoising,
                null);
        add.add(
                "H.264 CRF 38",
                () -> clips.compressed(clean, dir.resolve("crf38.mp4"), 38),
                () -> clean,
                deblocking,
                null);
        add.add(
                "H.264 CRF 45",
                () -> clips.compressed(clean, dir.resolve("crf45.mp4"), 45),
                () -> clean,
                deblocking,
                null);
        add.add(
                "old film",
                () -> clips.oldFilm(clean, dir.resolve("film.mp4"), 7),
                () -> clean,
                List.of("old_film", "common"),
                null);
        add.add(
                "old film, 150 kb/s H.264",
                () -> clips.oldFilmStarved(clean, dir.resolve("film150.mp4"), 7, 150),
                () -> clean,
                List.of("old_film", "common"),
                null);
        Path dark = dir.resolve("dark.mkv");
        add.add(
                "low light, noise σ≈5.8, CRF 20",
                () -> clips.noisy(clips.dark(clean, dark), dir.resolve("dark-noisy.mp4"), 10, 20),
                () -> dark,
                List.of("common", "ugc"),
                null);
        add.add(
                "640×360 → 720p",
                () -> clips.lowRes(clean720, dir.resolve("low360.mp4"), HEIGHT),
                () -> clean720,
                List.of("common"),
                UPSCALED_HEIGHT);
        add.add(
                "720p 25 fps, noise σ≈5.8, CRF 20 (speed)",
                () -> clips.noisy(clean720, dir.resolve("noise720.mp4"), 10, 20),
                () -> clean720,
                List.of("common"),
                null);
        String longSpeed = String.format(
                Locale.ROOT, "720p 25 fps, %.0f s, noise σ≈5.8, CRF 20 (speed)", Math.max(seconds, LONG_SECONDS));
        if (longSpeed.contains(only)) {
            Path cleanLong = clips.clean(
                    dir.resolve("clean720-long.mkv"), WIDTH * 2, UPSCALED_HEIGHT, Math.max(seconds, LONG_SECONDS));
            add(
                    cases,
                    longSpeed,
                    clips.noisy(cleanLong, dir.resolve("noise720-long.mp4"), 10, 20),
                    cleanLong,
                    List.of("common"),
                    null,
                    new int[] {RestoreSpec.STANDARD});
        }
        return cases;
    }

    @FunctionalInterface
    private interface Adder {
        void add(String degradation, Maker degraded, Maker reference, List<String> configs, Integer targetHeight)
                throws MediaException;
    }

    private static void add(
            List<BenchCase> cases,
            String degradation,
            Path degraded,
            Path reference,
            List<String> configs,
            Integer targetHeight,
            int[] tiers) {
        for (String config : configs) {
            for (int style : tiers) {
                cases.add(new BenchCase(
                        degradation, degraded, reference, new RestoreSpec(config, style, targetHeight, null, 8)));
            }
        }
    }
}

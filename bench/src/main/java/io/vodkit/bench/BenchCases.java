package io.vodkit.bench;

import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.restore.DegradedClips;
import io.vodkit.emulator.restore.RestoreSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Generates the degraded clips and lists which templates and tiers restore each. */
final class BenchCases {

  static final int WIDTH = 640;
  static final int HEIGHT = 360;
  static final int UPSCALED_HEIGHT = 720;

  private BenchCases() {}

  static List<BenchCase> generate(DegradedClips clips, Path dir, double seconds) throws MediaException {
    Path clean = clips.clean(dir.resolve("clean.mkv"), WIDTH, HEIGHT, seconds);
    Path clean720 = clips.clean(dir.resolve("clean720.mkv"), WIDTH * 2, UPSCALED_HEIGHT, seconds);
    List<String> denoising = List.of("common", "ugc", "short_series");
    List<String> deblocking = List.of("common", "ugc", "short_series", "aigc");
    List<BenchCase> cases = new ArrayList<>();
    add(cases, "noise σ≈3.5, CRF 14", clips.noisy(clean, dir.resolve("noise6.mp4"), 6, 14), clean, denoising, null);
    add(cases, "noise σ≈8.7, CRF 14", clips.noisy(clean, dir.resolve("noise15.mp4"), 15, 14), clean, denoising,
        null);
    add(cases, "H.264 CRF 38", clips.compressed(clean, dir.resolve("crf38.mp4"), 38), clean, deblocking, null);
    add(cases, "H.264 CRF 45", clips.compressed(clean, dir.resolve("crf45.mp4"), 45), clean, deblocking, null);
    add(cases, "old film", clips.oldFilm(clean, dir.resolve("film.mp4"), 7), clean, List.of("old_film", "common"),
        null);
    add(cases, "old film, 150 kb/s H.264", clips.oldFilmStarved(clean, dir.resolve("film150.mp4"), 7, 150), clean,
        List.of("old_film", "common"), null);
    Path dark = clips.dark(clean, dir.resolve("dark.mkv"));
    add(cases, "low light, noise σ≈5.8, CRF 20", clips.noisy(dark, dir.resolve("dark-noisy.mp4"), 10, 20), dark,
        List.of("common", "ugc"), null);
    add(cases, "640×360 → 720p", clips.lowRes(clean720, dir.resolve("low360.mp4"), HEIGHT), clean720,
        List.of("common"), UPSCALED_HEIGHT);
    add(cases, "720p 25 fps, noise σ≈5.8, CRF 20 (speed)", clips.noisy(clean720, dir.resolve("noise720.mp4"), 10,
        20), clean720, List.of("common"), null);
    return cases;
  }

  private static void add(List<BenchCase> cases, String degradation, Path degraded, Path reference,
                          List<String> configs, Integer targetHeight) {
    for (String config : configs) {
      for (int style : new int[] {RestoreSpec.STANDARD, RestoreSpec.PRO}) {
        cases.add(new BenchCase(degradation, degraded, reference,
            new RestoreSpec(config, style, targetHeight, null, 8)));
      }
    }
  }
}
